// The pages, in the order of their tabs. A page without a tab (series-detail) is reached by its route.
import overview from './overview.js';
import proposals from './proposals.js';
import series from './series.js';
import seriesDetail from './series-detail.js';
import search from './search.js';
import downloads from './downloads.js';
import history from './history.js';
import stats from './stats.js';
import config from './config.js';
import settings from './settings.js';

export const PAGES = [overview, proposals, series, seriesDetail, search, downloads, history, stats, config, settings];

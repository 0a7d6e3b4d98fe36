package io.kanzen.source.ebdz;

import io.kanzen.api.LinkKind;
import io.kanzen.api.NameParser;
import io.kanzen.api.Release;
import io.kanzen.api.source.IndexReport;
import io.kanzen.api.source.IndexedSource;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.SourceCapability;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * EBDZ, a MyBB forum of ed2k links: searched in a local index (no request to the forum per search), which a crawl
 * fills. The crawl reads each configured forum's thread list, page after page, and only the threads whose reply
 * count or last post changed; it saves where it is after every page, so a crash resumes there.
 */
final class EbdzSource implements IndexedSource {
    static final String NAME = "ebdz";

    private final ForumSession session;
    private final LinkIndex index;
    private final List<Long> forums;
    private final int maxPagesPerForum;
    private final NameParser parser;
    private final Clock clock;

    EbdzSource(ForumSession session, LinkIndex index, List<Long> forums, int maxPagesPerForum, NameParser parser, Clock clock) {
        this.session = session;
        this.index = index;
        this.forums = List.copyOf(forums);
        this.maxPagesPerForum = maxPagesPerForum;
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.SEARCH_RELEASES);
    }

    @Override
    public List<Release> search(SearchRequest request) {
        return index.search(request.query(), request.limit()).stream()
                .map(h -> new Release(NAME, h.name(), h.link(), LinkKind.ED2K, h.size(), null, null, null, h.hash(), null,
                        "EBDZ: " + h.threadTitle(), "ed2k", parser.parse(h.name())))
                .toList();
    }

    @Override
    public void checkConnection() {
        session.login();
    }

    @Override
    public IndexReport refreshIndex(Consumer<String> progress) {
        int pages = 0, updated = 0, unchanged = 0;
        for (long fid : forums) {
            String url = index.resumeAt(fid).orElse("forumdisplay.php?fid=" + fid);
            int forumPages = 0;
            while (url != null && (maxPagesPerForum <= 0 || forumPages < maxPagesPerForum)) {
                ForumPages.ForumPage page = ForumPages.forum(session.page(url), session.base().resolve(url).toString());
                pages++;
                forumPages++;
                for (ForumPages.ThreadRow row : page.threads()) {
                    var known = index.known(row.tid());
                    if (known.isPresent() && known.get().replies() == row.replies() && known.get().lastPost().equals(row.lastPost())) {
                        unchanged++;
                        continue;
                    }
                    ForumPages.Thread thread = ForumPages.thread(session.page("showthread.php?tid=" + row.tid()));
                    pages++;
                    index.putThread(fid, row, thread, clock.instant());
                    updated++;
                    progress.accept("forum " + fid + ": " + row.title() + " (" + thread.links().size() + " links)");
                }
                url = page.next().orElse(null);
                index.saveResumePoint(fid, url);
            }
            progress.accept("forum " + fid + ": " + forumPages + " pages read");
        }
        return new IndexReport(pages, updated, unchanged, index.linkCount());
    }

    @Override
    public void close() {
        index.close();
    }
}

/** The Nautiljon metadata source: search with the st token, the fiche's facts, politeness and ban detection. */
package io.kanzen.source.nautiljon;

/** The Prowlarr source: searches through Prowlarr's JSON API (see {@code docs/sources.md}). */
package io.kanzen.source.prowlarr;

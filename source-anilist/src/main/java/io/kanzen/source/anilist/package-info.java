/** Series metadata from AniList's public GraphQL API (no key). See {@code docs/sources.md}. */
package io.kanzen.source.anilist;

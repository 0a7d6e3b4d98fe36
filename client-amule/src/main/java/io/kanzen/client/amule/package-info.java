/**
 * The aMule download client: aMule's External Connections protocol written in Java (framing, tags, the salted
 * login, ADD_LINK, the download queue and the shared files), as {@code docs/clients.md} describes it.
 */
package io.kanzen.client.amule;

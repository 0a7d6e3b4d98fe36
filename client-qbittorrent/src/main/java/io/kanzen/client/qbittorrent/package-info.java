/**
 * The qBittorrent download client (Web API v2, qBittorrent 4.1 to 5.2). Uses the JDK's HTTP client, so the plugin
 * brings no HTTP library of its own; the wire behaviour it relies on is in {@code docs/clients.md}.
 */
package io.kanzen.client.qbittorrent;

/** Download clients: programs that download for Kanzen (qBittorrent, aMule) and report on each download. */
package io.kanzen.api.client;

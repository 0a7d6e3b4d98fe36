package io.kanzen.client.qbittorrent;

import io.kanzen.api.Plugin;
import io.kanzen.testkit.PluginContractTest;

class QBittorrentPluginContractTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new QBittorrentPlugin();
    }
}

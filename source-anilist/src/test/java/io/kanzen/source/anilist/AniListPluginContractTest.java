package io.kanzen.source.anilist;

import io.kanzen.api.Plugin;
import io.kanzen.testkit.PluginContractTest;

class AniListPluginContractTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new AniListPlugin();
    }
}

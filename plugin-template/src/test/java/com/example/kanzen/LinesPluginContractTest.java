package com.example.kanzen;

import io.kanzen.api.Plugin;
import io.kanzen.testkit.PluginContractTest;

/** Name, SPI version, the ServiceLoader entry, well-formed settings, a clear error when required ones are missing. */
class LinesPluginContractTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new LinesPlugin();
    }
}

package io.kanzen.core.internal.plugins;

import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;

/** Listed in this module's test META-INF/services: the class-path way in. */
public class ClasspathTestPlugin implements Plugin {
    @Override
    public String name() {
        return "classpath-test";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }
}

package io.kanzen.testkit;

import io.kanzen.api.source.Source;

class FakeSourceContractTest extends SourceContractTest {
    @Override
    protected Source givenAPeerWithNoMatch() {
        return new FakePlugin.FakeSource("empty");
    }

    @Override
    protected Source givenAPeerRefusingTheCredentials() {
        return new FakePlugin.FakeSource("refuse");
    }

    @Override
    protected Source givenAPeerRateLimitingFor(int seconds) {
        return new FakePlugin.FakeSource("limit");
    }

    @Override
    protected Source givenAPeerThatIsDown() {
        return new FakePlugin.FakeSource("down");
    }
}

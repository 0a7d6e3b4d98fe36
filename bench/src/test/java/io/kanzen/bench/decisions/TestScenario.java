package io.kanzen.bench.decisions;

/** The scenario the tests share: generating it takes a second or two. */
final class TestScenario {
    static final Scenario SEED_11 = ScenarioGenerator.generate(11);

    private TestScenario() {}
}

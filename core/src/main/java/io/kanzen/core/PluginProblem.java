package io.kanzen.core;

/** A plugin that was skipped, and why, in words for the user. */
public record PluginProblem(String location, String message) {}

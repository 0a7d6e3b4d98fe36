/**
 * The plugin SPI of Kanzen: what a plugin JAR implements ({@link io.kanzen.api.Plugin} and its factories) and what
 * the host lends it ({@link io.kanzen.api.PluginContext}: clock, rate limiters, secrets, HTTP settings, the name
 * parser). This module depends on the JDK only; a plugin depends on it at {@code provided} scope and on nothing else
 * of Kanzen. Failures cross the boundary as {@link io.kanzen.api.PluginException} with an
 * {@link io.kanzen.api.ErrorKind}. See {@code docs/plugins.md} for a worked example.
 */
package io.kanzen.api;

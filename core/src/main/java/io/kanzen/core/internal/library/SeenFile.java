package io.kanzen.core.internal.library;

/**
 * A volume file seen on disk by a scan: its path relative to the library root ({@code /} separated), its name, its
 * series folder (the top folder it is under; null for a loose file at the root), its size and modification time.
 */
record SeenFile(String path, String fileName, String series, long size, long modifiedMs) {}

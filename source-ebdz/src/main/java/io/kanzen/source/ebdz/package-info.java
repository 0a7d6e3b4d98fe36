/** The EBDZ source: a MyBB forum of ed2k links, logged in, crawled into a local full-text index, searched there. */
package io.kanzen.source.ebdz;

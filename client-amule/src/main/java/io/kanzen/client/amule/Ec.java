package io.kanzen.client.amule;

/** The opcodes and tag names used here, from aMule 2.3.3's {@code src/libs/ec/abstracts/ECCodes.abstract}. */
final class Ec {
    private Ec() {}

    static final int PROTOCOL_VERSION = 0x0204;

    static final int OP_NOOP = 0x01;
    static final int OP_AUTH_REQ = 0x02;
    static final int OP_AUTH_FAIL = 0x03;
    static final int OP_AUTH_OK = 0x04;
    static final int OP_FAILED = 0x05;
    static final int OP_MISC_DATA = 0x07;
    static final int OP_ADD_LINK = 0x09;
    static final int OP_GET_CONNSTATE = 0x0B;
    static final int OP_GET_DLOAD_QUEUE = 0x0D;
    static final int OP_GET_SHARED_FILES = 0x10;
    static final int OP_PARTFILE_DELETE = 0x1D;
    static final int OP_DLOAD_QUEUE = 0x1F;
    static final int OP_SHARED_FILES = 0x22;
    static final int OP_AUTH_SALT = 0x4F;
    static final int OP_AUTH_PASSWD = 0x50;

    static final int TAG_STRING = 0x0000;
    static final int TAG_PASSWD_HASH = 0x0001;
    static final int TAG_PROTOCOL_VERSION = 0x0002;
    static final int TAG_CONNSTATE = 0x0005;
    static final int TAG_PASSWD_SALT = 0x000B;
    static final int TAG_CLIENT_NAME = 0x0100;
    static final int TAG_CLIENT_VERSION = 0x0101;
    static final int TAG_PARTFILE = 0x0300;
    static final int TAG_PARTFILE_NAME = 0x0301;
    static final int TAG_PARTFILE_SIZE_FULL = 0x0303;
    static final int TAG_PARTFILE_SIZE_DONE = 0x0306;
    static final int TAG_PARTFILE_SPEED = 0x0307;
    static final int TAG_PARTFILE_STATUS = 0x0308;
    static final int TAG_PARTFILE_SOURCE_COUNT = 0x030A;
    static final int TAG_PARTFILE_SOURCE_COUNT_XFER = 0x030D;
    static final int TAG_PARTFILE_STOPPED = 0x0317;
    static final int TAG_PARTFILE_HASH = 0x031E;
    static final int TAG_KNOWNFILE = 0x0400;
    static final int TAG_KNOWNFILE_FILENAME = 0x0408;
    static final int TAG_SERVER_VERSION = 0x050B;

    /** {@code PS_*} values of EC_TAG_PARTFILE_STATUS ({@code src/Constants.h}). */
    static final int PS_ERROR = 4;
    static final int PS_INSUFFICIENT = 5;
    static final int PS_PAUSED = 7;
}

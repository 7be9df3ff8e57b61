package io.github.connectbylist.emulator.packet;

/** Big-endian (network order) reads and writes of unsigned fields in a byte array. */
final class Bytes {

  private Bytes() {}

  static int u8(byte[] b, int i) {
    return b[i] & 0xff;
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
  }

  /** A 32-bit field as Java's int: sequence numbers wrap, so their sign does not matter. */
  static int i32(byte[] b, int i) {
    return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
  }

  static void put16(byte[] b, int i, int value) {
    b[i] = (byte) (value >>> 8);
    b[i + 1] = (byte) value;
  }

  static void put32(byte[] b, int i, int value) {
    b[i] = (byte) (value >>> 24);
    b[i + 1] = (byte) (value >>> 16);
    b[i + 2] = (byte) (value >>> 8);
    b[i + 3] = (byte) value;
  }
}

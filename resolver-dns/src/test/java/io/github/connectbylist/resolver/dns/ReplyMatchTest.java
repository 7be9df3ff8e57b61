package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 5452 section 4.3: only a reply with the query's ID, QR set, opcode QUERY and its question counts. */
class ReplyMatchTest {
  private final Message query = query("x.test.", Type.A, DClass.IN);

  private static Message query(String name, int type, int dclass) {
    try {
      return Message.newQuery(Record.newRecord(Name.fromString(name), type, dclass));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Message reply(String name, int type, int dclass) {
    Message r = new Message(query.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.addRecord(Record.newRecord(name(name), type, dclass),
        Section.QUESTION);
    return r;
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theRealReplyMatchesWhateverTheCaseOfItsQuestion() {
    assertTrue(ReplyMatch.answers(query, reply("x.test.", Type.A, DClass.IN)));
    assertTrue(ReplyMatch.answers(query, reply("X.TeSt.", Type.A, DClass.IN)), "RFC 4343: case-insensitive");
  }

  @Test
  void aWrongIdQuestionTypeClassQrOrOpcodeDoesNotMatch() {
    Message wrongId = reply("x.test.", Type.A, DClass.IN);
    wrongId.getHeader().setID(query.getHeader().getID() ^ 1);
    assertFalse(ReplyMatch.answers(query, wrongId));
    assertFalse(ReplyMatch.answers(query, reply("y.test.", Type.A, DClass.IN)));
    assertFalse(ReplyMatch.answers(query, reply("x.test.", Type.AAAA, DClass.IN)));
    assertFalse(ReplyMatch.answers(query, reply("x.test.", Type.A, DClass.CH)));
    Message qrClear = reply("x.test.", Type.A, DClass.IN);
    qrClear.getHeader().unsetFlag(Flags.QR);
    assertFalse(ReplyMatch.answers(query, qrClear));
    Message notify = reply("x.test.", Type.A, DClass.IN);
    notify.getHeader().setOpcode(Opcode.NOTIFY);
    assertFalse(ReplyMatch.answers(query, notify));
    Message two = reply("x.test.", Type.A, DClass.IN);
    two.addRecord(Record.newRecord(name("y.test."), Type.A, DClass.IN), Section.QUESTION);
    assertFalse(ReplyMatch.answers(query, two), "one question, the one asked");
  }

  @Test
  void aReplyWithoutAQuestionNeverMatchesNotEvenAnError() {
    Message none = new Message(query.getHeader().getID());
    none.getHeader().setFlag(Flags.QR);
    assertFalse(ReplyMatch.answers(query, none), "NOERROR without a question answers nothing");
    for (int rcode : new int[] {Rcode.FORMERR, Rcode.SERVFAIL, Rcode.NXDOMAIN, Rcode.NOTIMP, Rcode.REFUSED}) {
      none.getHeader().setRcode(rcode);
      assertFalse(ReplyMatch.answers(query, none), Rcode.string(rcode) + " without a question: RFC 5452 section 9.1");
    }
  }
}

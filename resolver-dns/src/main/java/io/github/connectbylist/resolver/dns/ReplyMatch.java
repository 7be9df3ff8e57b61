package io.github.connectbylist.resolver.dns;

import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Whether a message that arrived answers the query sent (RFC 5452 section 4.3, RFC 1035 section 7.3): the
 * same ID, the QR bit set, opcode QUERY, and the same question (name compared case-insensitively, type,
 * class). Anything else is not an answer to be acted on, not even as a failure: an off-path attacker who
 * guessed the source port must not be able to end a query with one datagram.
 */
final class ReplyMatch {
  private ReplyMatch() {}

  /**
   * Whether {@code reply} answers {@code query}.
   *
   * @param query the query sent, with one question
   * @param reply the message received
   * @return {@code true} when it does
   */
  static boolean answers(Message query, Message reply) {
    if (reply.getHeader().getID() != query.getHeader().getID() || !reply.getHeader().getFlag(Flags.QR)
        || reply.getHeader().getOpcode() != Opcode.QUERY) {
      return false;
    }
    List<Record> questions = reply.getSection(Section.QUESTION);
    if (questions.isEmpty()) {
      // Some servers leave the question out of a refusal (FORMERR, NOTIMP): such a reply only makes the
      // resolver ask the next server, never gives an answer.
      int rcode = reply.getRcode();
      return rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN;
    }
    Record asked = query.getQuestion();
    Record echoed = questions.get(0);
    return questions.size() == 1 && echoed.getName().equals(asked.getName()) && echoed.getType() == asked.getType()
        && echoed.getDClass() == asked.getDClass();
  }
}

package io.github.connectbylist.resolver.dns;

import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Whether a message that arrived answers the query sent (RFC 5452 sections 4.3 and 9.1, RFC 1035 section
 * 7.3): the same ID, the QR bit set, opcode QUERY, and the same one question (name compared
 * case-insensitively, type, class). Anything else is not an answer to be acted on, not even as a failure: an
 * off-path attacker who guessed the source port must not be able to end a query, or a server's try, with one
 * datagram.
 *
 * <p>The question is required of every reply, an error too: RFC 5452 section 9.1 lists the query name, class
 * and type among what a resolver MUST match before it acts on a response, with no exception for an error
 * code, and a question-less REFUSED or FORMERR with the right ID would otherwise make the resolver give up a
 * server on 16 guessed bits. What this costs: an old server that leaves the question out of a FORMERR is
 * waited out for its share of the timeout, as a silent one is. Such a FORMERR usually answers an EDNS query,
 * and the queries sent here carry no OPT record.
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
    if (questions.size() != 1) {
      return false;
    }
    Record asked = query.getQuestion();
    Record echoed = questions.get(0);
    return echoed.getName().equals(asked.getName()) && echoed.getType() == asked.getType()
        && echoed.getDClass() == asked.getDClass();
  }
}

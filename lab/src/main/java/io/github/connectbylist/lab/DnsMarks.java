package io.github.connectbylist.lab;

import io.github.connectbylist.api.Answer;

/**
 * The marks of a connect's DNS answers on their own row of its timeline, below its name, so that no mark runs
 * into a name however long: a line at the time each came and a label beside it, moved right past the one before
 * when they would overlap. An answer of the name's AAAA and A is blue, an HTTPS answer purple, a target's teal with
 * the target's first label, the NAT64 discovery's orange; an empty one is marked \u2205, a failure the server sent
 * (NXDOMAIN, SERVFAIL) \u2717 with a dashed line. A lost query, which fails only when the resolver gives up, is a
 * hollow grey circle on a dotted line, "lost (timeout)", so that it does not look like an answer. Each mark is a
 * group whose class says which ({@code dns answer}, {@code dns empty}, {@code dns failed}, {@code dns lost}).
 */
final class DnsMarks {
  /** Blue: an AAAA or A answer of the name. */
  private static final String ADDRESS_COLOR = "#1f77b4";
  /** Purple: an HTTPS or SVCB answer. */
  private static final String HTTPS_COLOR = "#9467bd";
  /** Orange: the AAAA answer of RFC 7050's discovery, which shows a network's NAT64 prefix. */
  private static final String NAT64_COLOR = "#ff7f0e";
  /** Teal: an address answer of a record's target name. */
  private static final String TARGET_COLOR = "#17becf";
  private static final String LOST_COLOR = "#999999";
  private static final double FONT = 9;

  private DnsMarks() {}

  /**
   * The marks of {@code trace}'s answers on the row whose top is {@code y0}, time 0 at {@code left}.
   *
   * @param resolution the scenario's, which tells a lost query from a failure the server sent; or {@code null}
   */
  static void draw(StringBuilder s, Trace trace, Resolution resolution, double left, double scale, double y0) {
    String name = null; // the connect's name: an HTTPS answer's; a target is any other name
    for (Answer a : trace.answers()) {
      if (a.query().isService()) {
        name = a.host();
        break;
      }
    }
    if (name == null && resolution != null) {
      name = resolution.name();
    }
    StringBuilder labels = new StringBuilder(); // drawn after every line, on a white halo, so lines never cross them
    double labelsEnd = 0;
    for (Answer answer : trace.answers()) {
      boolean discovery = answer.isNat64Discovery();
      if (discovery && !answer.query().coversIpv6()) {
        continue; // its A answer is the well-known address itself: the AAAA answer is the one that tells
      }
      double x = left + answer.at().toNanos() / 1e6 * scale;
      boolean lost = resolution != null && resolution.lost(answer);
      boolean empty = !answer.failed() && answer.addresses().isEmpty() && answer.services().isEmpty();
      boolean target = !discovery && name != null && !answer.query().isService()
          && !answer.host().equalsIgnoreCase(name);
      String color = lost ? LOST_COLOR : discovery ? NAT64_COLOR : answer.query().isService() ? HTTPS_COLOR
          : target ? TARGET_COLOR : ADDRESS_COLOR;
      String label = (discovery ? "NAT64 " : target ? answer.host().split("\\.")[0] + " " : "") + answer.query()
          + (lost ? " lost (timeout)" : answer.failed() ? "\u2717" : empty ? "\u2205" : "");
      String title = lost ? answer.query() + " " + answer.host() + ": never answered; the resolver gave up at "
          + Svg.fmt(answer.at().toNanos() / 1e6) + " ms" : answer.toString();
      String kind = lost ? "lost" : answer.failed() ? "failed" : empty ? "empty" : "answer";
      s.append("<g class=\"dns ").append(kind).append("\"><title>").append(Svg.esc(title)).append("</title>")
          .append("<line x1=\"").append(Svg.fmt(x)).append("\" y1=\"").append(Svg.fmt(y0 + 2)).append("\" x2=\"")
          .append(Svg.fmt(x)).append("\" y2=\"").append(Svg.fmt(y0 + 14)).append("\" stroke=\"").append(color)
          .append('"').append(lost ? " stroke-dasharray=\"1 2\"" : answer.failed() ? " stroke-dasharray=\"3 2\"" : "")
          .append(lost || answer.failed() ? "" : " stroke-width=\"2\"").append("/>");
      if (lost) {
        s.append("<circle cx=\"").append(Svg.fmt(x)).append("\" cy=\"").append(Svg.fmt(y0 + 8))
            .append("\" r=\"3.5\" fill=\"#fff\" stroke=\"").append(LOST_COLOR).append("\" stroke-width=\"1.5\"/>");
      }
      s.append("</g>");
      double width = Svg.width(label, FONT);
      double lx = Math.max(x + (lost ? 6 : 3), labelsEnd + 5);
      String anchor = "start";
      if (lx + width > Svg.W - 2) { // at the right edge: before its line, or as far right as it fits
        lx = x - (lost ? 6 : 3) - width >= labelsEnd + 5 ? x - (lost ? 6 : 3) : Svg.W - 2;
        anchor = "end";
      }
      labels.append("<text x=\"").append(Svg.fmt(lx)).append("\" y=\"").append(Svg.fmt(y0 + 11))
          .append("\" font-size=\"9\" text-anchor=\"").append(anchor)
          .append("\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" fill=\"").append(color).append('"')
          .append(lost ? " font-style=\"italic\"" : "").append('>').append(Svg.esc(label))
          .append("<title>").append(Svg.esc(title)).append("</title></text>");
      labelsEnd = anchor.equals("end") ? lx : lx + width;
    }
    s.append(labels);
  }

  /** The caption's sentence on the marks: only the kinds {@code traces} have. */
  static String caption(boolean services, boolean nat64) {
    return " DNS answers, on the row under a strategy's name, when each of its connect by name came: blue for AAAA "
        + "and A" + (services ? ", purple for HTTPS, teal for a record's target (its name first)" : "")
        + (nat64 ? ", orange for the NAT64 prefix's discovery (ipv4only.arpa, RFC 7050)" : "") + "; \u2205 an answer "
        + "without addresses or records, \u2717 and dashed an NXDOMAIN or SERVFAIL; a grey hollow circle on a dotted "
        + "line, \"lost (timeout)\", a query never answered, marked where the resolver gave up: no answer came.";
  }
}

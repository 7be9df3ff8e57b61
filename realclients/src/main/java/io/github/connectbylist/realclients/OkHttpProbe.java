package io.github.connectbylist.realclients;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OkHttp client's program, run in a JVM of its own in the client host: {@code GET URL} with {@code new
 * OkHttpClient()}, nothing tuned. Prints {@code HTTP CODE} and exits with 0, or {@code failed ERROR} and exits
 * with 1.
 */
final class OkHttpProbe {
  private OkHttpProbe() {}

  /**
   * Fetches the URL once.
   *
   * @param args the URL
   */
  public static void main(String[] args) {
    OkHttpClient client = new OkHttpClient();
    int exit;
    try (Response response = client.newCall(new Request.Builder().url(args[0]).build()).execute()) {
      System.out.println("HTTP " + response.code() + " from " + args[0]);
      exit = 0;
    } catch (IOException e) {
      System.out.println("failed " + e);
      exit = 1;
    }
    System.out.flush();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    System.exit(exit);
  }
}

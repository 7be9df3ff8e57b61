package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headless Firefox (ESR) loading {@code http://NAME:PORT/} once and exiting by itself once it has taken a
 * screenshot of it; its own resolver (the system's, so the host's {@code resolv.conf}) and its own connect path,
 * with the backup connection of the other family after {@code network.http.connection-retry-timeout} (250
 * ms). Run as:
 *
 * <pre>
 * firefox-esr --headless --no-remote --profile DIR/profile --screenshot DIR/page.png http://NAME:PORT/
 * </pre>
 *
 * <p>The profile is new for each run and deleted after it, as is everything else it writes ({@code HOME} and
 * the XDG folders are in {@code DIR} too). Its {@code user.js} ({@link #USER_JS}) turns off what connects by
 * itself: telemetry and data reporting, updates of the browser, add-ons, search engines and plugins, captive
 * portal and connectivity checks, safe browsing and tracking-protection list updates, Normandy studies, region
 * and location lookups, push, sponsored tiles, Firefox accounts, OCSP and the remote-settings sync (whose
 * server is set to {@code data:}, which a release build accepts only with {@code
 * MOZ_REMOTE_SETTINGS_DEVTOOLS=1} in the environment, as Mozilla's own WebDriver setup does). DNS over HTTPS is
 * off ({@code network.trr.mode} 5), so that the name is resolved through the host's {@code resolv.conf} as the
 * study needs. Nothing about connecting is changed: Happy Eyeballs, the backup connection, IPv6, speculative
 * connections and preconnects keep their defaults. The run is killed with all its processes at the timeout.
 */
final class FirefoxClient implements RealClient {
  /** The profile's preferences: only what connects by itself, never how a page's connections are made. */
  static final String USER_JS = """
      // ConnectByList's real-client runs: no connection but the page's. Networking defaults are left alone.
      user_pref("app.normandy.api_url", "");
      user_pref("app.normandy.enabled", false);
      user_pref("app.shield.optoutstudies.enabled", false);
      user_pref("app.update.auto", false);
      user_pref("app.update.disabledForTesting", true);
      user_pref("browser.aboutwelcome.enabled", false);
      user_pref("browser.crashReports.unsubmittedCheck.autoSubmit2", false);
      user_pref("browser.newtabpage.activity-stream.feeds.telemetry", false);
      user_pref("browser.newtabpage.activity-stream.telemetry", false);
      user_pref("browser.newtabpage.enabled", false);
      user_pref("browser.ping-centre.telemetry", false);
      user_pref("browser.region.network.url", "");
      user_pref("browser.region.update.enabled", false);
      user_pref("browser.safebrowsing.blockedURIs.enabled", false);
      user_pref("browser.safebrowsing.downloads.enabled", false);
      user_pref("browser.safebrowsing.downloads.remote.enabled", false);
      user_pref("browser.safebrowsing.malware.enabled", false);
      user_pref("browser.safebrowsing.phishing.enabled", false);
      user_pref("browser.safebrowsing.provider.google.updateURL", "");
      user_pref("browser.safebrowsing.provider.google4.updateURL", "");
      user_pref("browser.safebrowsing.provider.mozilla.updateURL", "");
      user_pref("browser.search.update", false);
      user_pref("browser.shell.checkDefaultBrowser", false);
      user_pref("browser.startup.homepage_override.mstone", "ignore");
      user_pref("browser.startup.page", 0);
      user_pref("browser.topsites.contile.enabled", false);
      user_pref("browser.urlbar.merino.endpointURL", "");
      user_pref("browser.urlbar.suggest.searches", false);
      user_pref("datareporting.healthreport.uploadEnabled", false);
      user_pref("datareporting.policy.dataSubmissionEnabled", false);
      user_pref("datareporting.policy.dataSubmissionPolicyBypassNotification", true);
      user_pref("dom.push.connection.enabled", false);
      user_pref("extensions.getAddons.cache.enabled", false);
      user_pref("extensions.systemAddon.update.enabled", false);
      user_pref("extensions.update.enabled", false);
      user_pref("geo.provider.network.url", "");
      user_pref("identity.fxaccounts.enabled", false);
      user_pref("media.gmp-manager.updateEnabled", false);
      user_pref("network.captive-portal-service.enabled", false);
      user_pref("network.connectivity-service.enabled", false);
      user_pref("network.trr.mode", 5);
      user_pref("security.OCSP.enabled", 0);
      user_pref("security.remote_settings.crlite_filters.enabled", false);
      user_pref("security.remote_settings.intermediates.enabled", false);
      user_pref("services.settings.server", "data:,#remote-settings-dummy/v1");
      user_pref("startup.homepage_welcome_url", "about:blank");
      user_pref("toolkit.telemetry.archive.enabled", false);
      user_pref("toolkit.telemetry.enabled", false);
      user_pref("toolkit.telemetry.server", "");
      user_pref("toolkit.telemetry.unified", false);
      """;

  private final Installed program = new Installed(Programs.find(List.of(), List.of("firefox-esr", "firefox")),
      "firefox is not installed: apt-get install firefox-esr");

  @Override
  public String name() {
    return "firefox";
  }

  @Override
  public Optional<String> model() {
    return Optional.of("firefox/firefox");
  }

  @Override
  public Optional<String> unavailable() {
    return program.unavailable();
  }

  /**
   * {@code firefox-esr --version}: {@code Mozilla Firefox 140.12.0esr}.
   *
   * @return the version
   * @throws IOException when Firefox cannot be asked
   */
  @Override
  public String version() throws IOException {
    return program.firstLine("--version");
  }

  /**
   * The command line of one run.
   *
   * @param name the name
   * @param port the port
   * @param dir the run's folder
   * @return the program and its arguments
   * @throws IOException when Firefox is not installed
   */
  List<String> command(String name, int port, Path dir) throws IOException {
    return List.of(need().toString(), "--headless", "--no-remote", "--profile", dir.resolve("profile").toString(),
        "--screenshot", dir.resolve("page.png").toString(), Programs.url(name, port));
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    Path dir = Programs.tempDir("connectbylist-firefox-");
    ProcessBuilder builder;
    try {
      Path profile = Files.createDirectories(dir.resolve("profile"));
      Files.writeString(profile.resolve("user.js"), USER_JS, StandardCharsets.UTF_8);
      builder = host.command(command(name, port, dir));
      Map<String, String> env = builder.environment();
      Programs.home(env, dir);
      env.put("MOZ_REMOTE_SETTINGS_DEVTOOLS", "1"); // lets services.settings.server above take effect
      env.put("MOZ_CRASHREPORTER_DISABLE", "1");
    } catch (IOException | RuntimeException e) {
      Programs.deleteTree(dir);
      throw e;
    }
    return ClientProcess.start(builder, timeout, Optional.of(dir));
  }

  private Path need() throws IOException {
    return program.need();
  }

  @Override
  public String toString() {
    return name();
  }
}

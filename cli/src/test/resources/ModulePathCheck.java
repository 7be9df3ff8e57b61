import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.testbed.Testbed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Run by ModulePathTest with the library's jars on the module path: strategies are found through the
 * descriptors' provides/uses, a connect works, and the internal package is not exported.
 */
public class ModulePathCheck {
  public static void main(String[] args) throws Exception {
    Strategies strategies = Strategies.discovered();
    System.out.println("rankers " + strategies.rankers().stream().map(NamedStrategy::name).collect(Collectors.joining(",")));
    System.out.println("schedulers " + strategies.schedulers().stream().map(NamedStrategy::name).collect(Collectors.joining(",")));
    System.out.println("resolvers " + strategies.resolvers().stream().map(NamedStrategy::name).collect(Collectors.joining(",")));
    System.out.println("problems " + strategies.problems());
    System.out.println("core module " + ConnectByList.class.getModule().getName());
    try (Testbed testbed = new Testbed(); ConnectByList cbl = ConnectByList.builder().build();
        Connection c = cbl.connect(List.of(testbed.refusing("127.0.0.2").address(), testbed.accepting("127.0.0.1").address()))) {
      System.out.println("connected " + c.attempts().size() + " attempts with " + cbl.scheduler());
    }
    Module core = ConnectByList.class.getModule();
    Module engine = io.github.connectbylist.engine.Driver.class.getModule();
    System.out.println("engine module " + engine.getName() + " exports engine " + engine.isExported("io.github.connectbylist.engine"));
    System.out.println("exports internal " + core.isExported("io.github.connectbylist.internal"));
    try {
      Class.forName("io.github.connectbylist.internal.LocalAddresses").getMethod("current").invoke(null);
      System.out.println("internal reachable");
    } catch (IllegalAccessException e) {
      System.out.println("internal refused");
    }
  }
}

package dev.dray;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture of dray's main code: which package may use which, no cycles, no printing below
 * the front ends, no grab-bag class names.
 */
@AnalyzeClasses(packages = "dev.dray", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "";
  private static final String ANY = "*";

  /**
   * Which dray packages each package may use, from low to high: a line names only packages above it
   * (so the table itself has no cycle), and a package may always use itself. {@code ""} is the root
   * package {@code dev.dray} (DrayException, Secret). A new package needs one line here, or {@link
   * #everyPackageIsListed} fails.
   */
  private static final Map<String, List<String>> ALLOWED =
      table(
          allow(ROOT),
          allow("events"),
          allow("image", ROOT),
          allow("dockerfile", ROOT, "image"),
          allow("config", ROOT, "image"),
          allow("registry", ROOT, "image", "events"),
          allow("engine", ROOT, "image", "events"),
          allow("proxy", ROOT, "events"),
          allow("notify", ROOT, "events"),
          allow("build", ROOT, "events", "image", "dockerfile", "config", "registry", "engine"),
          allow("store", ROOT, "build", "image"),
          allow(
              "deploy",
              ROOT,
              "events",
              "image",
              "config",
              "registry",
              "engine",
              "proxy",
              "notify",
              "build",
              "store"),
          allow("trigger", ROOT, "events", "image", "config", "registry", "deploy", "build"),
          allow(
              "server",
              ROOT,
              "events",
              "image",
              "config",
              "registry",
              "engine",
              "proxy",
              "notify",
              "build",
              "store",
              "deploy",
              "trigger"),
          allow("cli", ANY));

  @ArchTest
  static void eachLineOfTheTableUsesOnlyLinesAboveIt(JavaClasses ignored) {
    List<String> above = new ArrayList<>();
    for (Map.Entry<String, List<String>> row : ALLOWED.entrySet()) {
      for (String used : row.getValue()) {
        if (!used.equals(ANY) && !above.contains(used)) {
          throw new AssertionError(
              "ArchitectureTest.ALLOWED: "
                  + display(row.getKey())
                  + " uses '"
                  + display(used)
                  + "', which has no line above it (a typo, or a line out of order)");
        }
      }
      above.add(row.getKey());
    }
  }

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("dev.dray.(*)..").should().beFreeOfCycles().allowEmptyShould(true);

  @ArchTest static final ArchRule packagesUseOnlyWhatTheyAreAllowedTo = allowedDependencies();

  @ArchTest
  static final ArchRule everyPackageIsListed =
      classes()
          .should()
          .resideInAnyPackage(
              ALLOWED.keySet().stream().map(ArchitectureTest::pattern).toArray(String[]::new))
          .as("every class lives in a package listed in ArchitectureTest.ALLOWED")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyFrontEndsPrint =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.dray.cli..", "dev.dray.server..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .callMethodWhere(
              describe("Throwable.printStackTrace()", call -> isPrintStackTrace(call.getTarget())))
          .as("only cli and server print: no System.out, System.err or printStackTrace() elsewhere")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule noGrabBagNames =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Manager")
          .orShould()
          .haveSimpleNameEndingWith("Helper")
          .orShould()
          .haveSimpleNameEndingWith("Util")
          .orShould()
          .haveSimpleNameEndingWith("Utils")
          .as("no class is named *Manager, *Helper, *Util or *Utils")
          .allowEmptyShould(true);

  private static boolean isPrintStackTrace(AccessTarget target) {
    return target.getName().equals("printStackTrace")
        && target.getOwner().isAssignableTo(Throwable.class)
        && target instanceof AccessTarget.MethodCallTarget method
        && method.getRawParameterTypes().isEmpty();
  }

  private static ArchRule allowedDependencies() {
    return classes()
        .should(useOnlyAllowedPackages())
        .as("each package uses only the dray packages ArchitectureTest.ALLOWED lets it use")
        .allowEmptyShould(true);
  }

  private static ArchCondition<JavaClass> useOnlyAllowedPackages() {
    return new ArchCondition<>("use only the dray packages listed for their own package") {
      @Override
      public void check(JavaClass source, ConditionEvents events) {
        String from = packageKey(source);
        List<String> allowed = ALLOWED.get(from);
        if (allowed == null || allowed.contains(ANY)) {
          return; // an unlisted package fails everyPackageIsListed
        }
        for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          if (!isDray(target)) {
            continue;
          }
          String to = packageKey(target);
          if (!to.equals(from) && !allowed.contains(to)) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    "%s may not use %s: %s"
                        .formatted(display(from), display(to), dependency.getDescription())));
          }
        }
      }
    };
  }

  private static boolean isDray(JavaClass type) {
    return type.getPackageName().equals("dev.dray")
        || type.getPackageName().startsWith("dev.dray.");
  }

  /** The key of {@link #ALLOWED} a dray class belongs to: its package below {@code dev.dray}. */
  private static String packageKey(JavaClass type) {
    String pkg = type.getPackageName();
    if (pkg.equals("dev.dray")) {
      return ROOT;
    }
    String below = pkg.substring("dev.dray.".length());
    int dot = below.indexOf('.');
    return dot < 0 ? below : below.substring(0, dot);
  }

  private static String display(String key) {
    return key.equals(ROOT) ? "dev.dray" : key;
  }

  /** {@code dev.dray} alone for the root, {@code dev.dray.<name>..} with subpackages otherwise. */
  private static String pattern(String pkg) {
    return pkg.equals(ROOT) ? "dev.dray" : "dev.dray." + pkg + "..";
  }

  private static Map.Entry<String, List<String>> allow(String pkg, String... allowed) {
    return Map.entry(pkg, List.of(allowed));
  }

  @SafeVarargs
  private static Map<String, List<String>> table(Map.Entry<String, List<String>>... rows) {
    Map<String, List<String>> table = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> row : rows) {
      table.put(row.getKey(), row.getValue());
    }
    return table;
  }
}

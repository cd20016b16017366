package dev.dray.cli;

/** One line of {@code dray doctor}: what was checked, how it went, and how to fix it. */
record DoctorCheck(String name, Status status, String detail, String fix) {

  /** How a check went; only {@code FAIL} makes doctor exit non-zero. */
  enum Status {
    OK,
    INFO,
    WARN,
    FAIL
  }

  static DoctorCheck ok(String name, String detail) {
    return new DoctorCheck(name, Status.OK, detail, "");
  }

  static DoctorCheck info(String name, String detail, String fix) {
    return new DoctorCheck(name, Status.INFO, detail, fix);
  }

  static DoctorCheck warn(String name, String detail, String fix) {
    return new DoctorCheck(name, Status.WARN, detail, fix);
  }

  static DoctorCheck fail(String name, String detail, String fix) {
    return new DoctorCheck(name, Status.FAIL, detail, fix);
  }
}

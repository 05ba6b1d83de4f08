# Shared by scripts/bench-http.sh and scripts/bench-cli.sh (sourced, not run): the jar, the runtime, its
# class-data archive and the working directory with the example DAG staged.
#
#   RUNTIME=17 | 25 | /path/to/bin/java   which JVM runs meshprov (default 17: the `java` on PATH; 25: $JAVA25_HOME,
#                                         default /usr/lib/jvm/temurin-25-jdk-amd64). Its class data, made by a
#                                         training run (dev.meshprov.cli.ClassDataTraining) when missing or older
#                                         than the jar, one file per JVM build so that runtimes do not collide:
#                                           JDK 17-24: AppCDS archive cli/target/meshprov-<java.runtime.version>.jsa
#                                                      (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile)
#                                           JDK 25+:   AOT cache cli/target/meshprov-<java.runtime.version>.aot
#                                                      (-XX:AOTCacheOutput, then -XX:AOTCache; JEP 483/514/515)
#   COMPACT_HEADERS=1                     JDK 25+: -XX:+UseCompactObjectHeaders (JEP 519), at training and at run
#                                         alike (its own cache file, suffix -coh)
#   ARCHIVE=0                             no archive or cache at all
#
# After bench_prepare: BENCH_JAVA (the java binary), BENCH_FEATURE (17, 25, ...), BENCH_ARCHIVE_FLAGS (array: the
# archive flags, plus compact headers when chosen), BENCH_JAR.

bench_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="$bench_repo/cli/target/meshprov.jar"

# The java binary RUNTIME names.
bench_java() {
  case "${RUNTIME:-17}" in
    17) command -v java ;;
    25) echo "${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" ;;
    *) echo "$RUNTIME" ;;
  esac
}

# A system property of the JVM $1 (e.g. java.specification.version).
bench_java_property() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -v key="$2" '$1 == key && $2 == "=" {print $3; exit}'
}

# Builds the jar when it is missing or older than a source file or a pom.
bench_build_jar() {
  if [[ ! -f "$BENCH_JAR" || -n "$(cd "$bench_repo" && find core mwaa-adapter airbyte-adapter cde-adapter jdbc-store \
        http-api cli -newer "$BENCH_JAR" \( -name '*.java' -o -name 'pom.xml' \) -print -quit 2>/dev/null)" ]]; then
    echo "==> building $BENCH_JAR"
    (cd "$bench_repo" && mvn -B -q -DskipTests -pl cli -am package)
  fi
}

# Chooses the runtime, builds the jar when stale and the archive or cache when missing or older than the jar.
bench_prepare() {
  BENCH_JAVA="$(bench_java)"
  [[ -x "$BENCH_JAVA" ]] || { echo "RUNTIME=${RUNTIME:-17}: no java at '$BENCH_JAVA'" >&2; exit 2; }
  BENCH_FEATURE="$(bench_java_property "$BENCH_JAVA" java.specification.version)"
  local version
  version="$(bench_java_property "$BENCH_JAVA" java.runtime.version)"
  [[ -n "$BENCH_FEATURE" && -n "$version" ]] || { echo "cannot tell the version of $BENCH_JAVA" >&2; exit 2; }
  bench_build_jar

  local headers=() suffix="" training=() archive
  if [[ "${COMPACT_HEADERS:-0}" == 1 ]]; then
    (( BENCH_FEATURE >= 25 )) || { echo "COMPACT_HEADERS=1 needs JDK 25 or later (this is $BENCH_FEATURE)" >&2; exit 2; }
    headers=(-XX:+UseCompactObjectHeaders)
    suffix="-coh"
  fi
  BENCH_ARCHIVE_FLAGS=("${headers[@]}")
  if [[ "${ARCHIVE:-1}" == 0 ]]; then
    echo "==> $BENCH_JAVA ($version), no class-data archive"
    return
  fi
  if (( BENCH_FEATURE >= 25 )); then
    archive="$bench_repo/cli/target/meshprov-$version$suffix.aot"
    training=(-XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off)
    BENCH_ARCHIVE_FLAGS+=(-XX:AOTCache="$archive")
  else
    archive="$bench_repo/cli/target/meshprov-$version.jsa"
    training=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    BENCH_ARCHIVE_FLAGS+=(-XX:SharedArchiveFile="$archive")
  fi
  if [[ ! -f "$archive" || "$BENCH_JAR" -nt "$archive" ]]; then
    echo "==> class data $archive (training run on $version)"
    rm -f "$archive"
    "$BENCH_JAVA" "${headers[@]}" -XX:+UseSerialGC "${training[@]}" -cp "$BENCH_JAR" dev.meshprov.cli.ClassDataTraining \
      >/dev/null
  fi
  echo "==> $BENCH_JAVA ($version), class data $archive"
}

# A temporary working directory with the MWAA example's DAG staged as its CI pipeline would (the embedded
# default: <working dir>/airflow/staging); removed when the script exits.
bench_workdir() {
  BENCH_WORK="$(mktemp -d "/tmp/meshprov-$1.XXXXXX")"
  trap 'rm -rf "$BENCH_WORK"' EXIT
  mkdir -p "$BENCH_WORK/airflow/staging"
  cp "$bench_repo/examples/airflow/cashflow_daily.py" "$BENCH_WORK/airflow/staging/finance.cashflow.1.cashflow_daily.py"
}

# SPDX-License-Identifier: GPL-3.0-or-later
# Short libFuzzer run for CTest: FUZZER, WORK_DIR, SEED_CORPUS, RUNS, optional EXTRA flags.
# Starts from the seeds in an emptied scratch corpus; fails when libFuzzer reports a crash,
# a sanitizer error, a leak or a timeout (crash inputs are left in WORK_DIR/artifacts/).
file(REMOVE_RECURSE ${WORK_DIR}/corpus)
file(MAKE_DIRECTORY ${WORK_DIR}/corpus ${WORK_DIR}/artifacts)
separate_arguments(extra UNIX_COMMAND "${EXTRA}")
execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -max_total_time=40 -timeout=10 -rss_limit_mb=2048 -max_len=4096
          -seed=1 -print_final_stats=1 -artifact_prefix=${WORK_DIR}/artifacts/ ${extra}
          ${WORK_DIR}/corpus ${SEED_CORPUS}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "libFuzzer failed (exit ${rc}); reproducer in ${WORK_DIR}/artifacts/")
endif()

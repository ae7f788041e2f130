#!/usr/bin/env python3
"""Write scripts/function-order.txt: the functions `prepcheck sheet` runs, in the order it
first runs them, for the linker to lay out side by side (scripts/release-build.sh gives the
file to lld's --symbol-ordering-file).

Why: a run maps the binary's code 64 KiB at a time, on the first call into each block, and
each of those page faults costs about 4 microseconds here (a page of heap: 1.4). Laid out as
the compiler leaves them, the thousand functions a sheet runs were spread over the whole
4 MB of code, and a sheet took 58 page faults in it; side by side, 19 (135 -> 98 in all,
`perf stat -e page-faults`), and the sheet is 5% faster.

How: the release binary (with the linker's map of where each function went) runs the
sheet in each format, and `answers`, under valgrind's lackey, which names every block of
code it runs; the map turns those addresses into the functions' symbols. The symbols carry
a hash that changes with the toolchain and the dependencies' versions: run this again
after updating either (scripts/release-build.sh says how many it no longer finds).

    scripts/function-order.py        (needs valgrind)
"""
import bisect
import os
import re
import subprocess
import sys
import tempfile

ORDER_FILE = "scripts/function-order.txt"
ANSWERS = "tests/fixtures/answers/blood-thinners.yaml"
# The commands whose code is laid out, the most frequent first: its functions come first.
WORKLOADS = [
    ["sheet", "--answers", ANSWERS, "--format", fmt]
    for fmt in ["plain", "text", "markdown", "html", "ics"]
] + [["answers", "--answers", ANSWERS]]

# A line of lld's map: address, load address, size, alignment, then the name, indented by
# one space for an output section, nine for an input section and seventeen for a symbol.
MAP_LINE = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+ ( *)(\S.*)$")


# A glibc string function in one of its versions for a CPU (`memmove-avx512-unaligned-erms.o`,
# or `memmove.o` for the oldest): glibc picks one as the program starts, and valgrind's CPU
# is not the machine's, so all of a function's versions go where the one valgrind ran goes.
CPU_VERSION = re.compile(r"libc\.a\([a-z0-9_]+-(?:sse|ssse|avx|evex)[^)]*\.o\)")
LIBC_OBJECT = re.compile(r"libc\.a\(([a-z0-9_]+)[-.][^)]*\)")
# What a start-up on a real machine runs and one under valgrind does not: valgrind gives the
# process no vDSO, which glibc otherwise registers as a loaded object (`_dl_new_object`).
REAL_START_UP = ["_dl_add_to_namespace_list"]


def code_sections(map_path):
    """The input sections of the output `.text`, as [start, size, first symbol, file],
    sorted."""
    sections, output, current = [], None, None
    with open(map_path) as lines:
        for line in lines:
            match = MAP_LINE.match(line)
            if not match:
                continue
            start, size = int(match[1], 16), int(match[2], 16)
            depth, name = len(match[3]), match[4].strip()
            if depth == 0:
                output, current = name, None
            elif depth == 8:
                current = [start, size, None, name] if output == ".text" else None
                if current:
                    sections.append(current)
            elif current is not None and current[2] is None:
                current[2] = name
    return sorted(s for s in sections if s[2])


def blocks_run(binary, args):
    """The addresses of the blocks of code one run goes through, in the order first run.
    (Without chasing, valgrind starts a new block at each call, so no function is hidden
    inside its caller's block.)"""
    # /dev/null opened for writing only: opened for reading too, prepcheck takes it for
    # a standard output that was closed (as the Rust runtime reopens one).
    with tempfile.NamedTemporaryFile(mode="r", suffix=".lackey") as log, open(
        os.devnull, "w"
    ) as null:
        subprocess.run(
            ["valgrind", "--tool=lackey", "--trace-superblocks=yes", "--vex-guest-chase=no",
             f"--log-file={log.name}", binary, *args],
            check=True, stdout=null, env={**os.environ, "NO_COLOR": "1"},
        )
        for line in log:
            if line.startswith("SB "):
                yield int(line.split()[1], 16)


def main():
    os.chdir(os.path.join(os.path.dirname(__file__), ".."))
    binary = subprocess.run(
        ["scripts/release-build.sh"], check=True, capture_output=True, text=True
    ).stdout.strip()
    sections = code_sections(binary + ".map")
    starts = [s[0] for s in sections]
    by_name = {}  # a glibc object's name, without its CPU version -> its sections
    for section in sections:
        if match := LIBC_OBJECT.search(section[3]):
            by_name.setdefault(match[1], []).append(section)
    versions = {
        name: group
        for name, group in by_name.items()
        if any(CPU_VERSION.search(section[3]) for section in group)
    }
    order, seen = list(REAL_START_UP), set(REAL_START_UP)
    for args in WORKLOADS:
        for address in blocks_run(binary, args):
            i = bisect.bisect_right(starts, address) - 1
            if i < 0 or address >= starts[i] + sections[i][1]:
                continue
            match = LIBC_OBJECT.search(sections[i][3])
            for section in versions.get(match[1], [sections[i]]) if match else [sections[i]]:
                if section[2] not in seen:
                    seen.add(section[2])
                    order.append(section[2])
    with open(ORDER_FILE, "w") as out:
        out.write("".join(symbol + "\n" for symbol in order))
    # Cargo does not know the link reads the file: make the next release build link again.
    os.utime("src/main.rs")
    print(f"{ORDER_FILE}: {len(order)} functions", file=sys.stderr)


if __name__ == "__main__":
    main()

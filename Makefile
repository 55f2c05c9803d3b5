# maatwerk — the only build entry point.
#   make            build build/maatwerk
#   make demo       install missing packages (Debian, as root), build, run on datasets/demo
#   make test       build (plain and with ASan+UBSan) and run the whole test suite
#   make deps       install missing system packages only
#   make check-layers   grep for include-direction violations
#   make bench      benchmarks against glpsol and cbc (bench/README.md); not part of make test
#   make clean

CC      ?= cc
BUILD   := build
PKGS    := build-essential pkg-config libglpk-dev libcjson-dev libcsv-dev glpk-utils coinor-cbc python3 chromium
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Werror
CJSON_CFLAGS := $(shell pkg-config --cflags libcjson 2>/dev/null || echo -I/usr/include/cjson)
CJSON_LIBS   := $(shell pkg-config --libs libcjson 2>/dev/null || echo -lcjson)
CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(CFLAGS) $(WARN) $(CJSON_CFLAGS) -MMD -MP
LDLIBS  := -lglpk -lcsv $(CJSON_LIBS) -lm -lpthread
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

ENGINE_SRC := $(sort $(wildcard engine/*/*.c))
LIB_SRC    := $(filter-out engine/cli/main.c,$(ENGINE_SRC))
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))

OBJ      := $(patsubst %.c,$(BUILD)/obj/%.o,$(ENGINE_SRC))
LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
SOBJ     := $(patsubst %.c,$(BUILD)/san/%.o,$(ENGINE_SRC))
SLIB_OBJ := $(patsubst %.c,$(BUILD)/san/%.o,$(LIB_SRC))
UNITS    := $(patsubst tests/unit/%.c,$(BUILD)/obj/tests/%,$(UNIT_SRC))
SUNITS   := $(patsubst tests/unit/%.c,$(BUILD)/san/tests/%,$(UNIT_SRC))

.PHONY: all demo test deps check-layers clean san units bench
.SECONDARY:
all: $(BUILD)/maatwerk

$(BUILD)/maatwerk: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/maatwerk-san: $(SOBJ)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(SAN_FLAGS) $(WARN) $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/tests/%: $(BUILD)/obj/tests/unit/%.o $(LIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/san/tests/%: $(BUILD)/san/tests/unit/%.o $(SLIB_OBJ)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)

units: $(UNITS)
san: $(BUILD)/maatwerk-san $(SUNITS)

# Installs what is missing (Debian). Needs root for apt-get; otherwise says what to install.
deps:
	@missing=""; \
	for h in /usr/include/glpk.h /usr/include/csv.h /usr/include/cjson/cJSON.h; do \
	  [ -f $$h ] || missing=yes; done; \
	command -v pkg-config >/dev/null || missing=yes; \
	command -v glpsol >/dev/null || missing=yes; \
	command -v cbc >/dev/null || missing=yes; \
	command -v python3 >/dev/null || missing=yes; \
	command -v chromium >/dev/null || missing=yes; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "maatwerk: installing $(PKGS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PKGS) >/dev/null || exit 1; \
	  else \
	    echo "maatwerk: missing packages; run as root: apt-get install $(PKGS)"; exit 1; \
	  fi; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== maatwerk validate datasets/demo"
	@$(BUILD)/maatwerk validate datasets/demo | head -n 8
	@echo
	@echo "== maatwerk run datasets/demo -o results"
	@$(BUILD)/maatwerk run datasets/demo -o results
	@echo
	@echo "Look at: results/results.json (the proposal, shortlists, unmatched, employers, summary),"
	@echo "         results/report.html (the bemiddelaar's report, in Dutch: open it in a browser),"
	@echo "         results/matches.csv and results/shortlist.csv (open in Excel), results/run.json (timings)."
	@echo "Scenarios:  $(BUILD)/maatwerk scenarios datasets/demo models/scenarios/baseline.json models/scenarios/vacancy-only.json -o /tmp/sc"
	@echo "One candidate explained: $(BUILD)/maatwerk explain datasets/demo --candidate C000001"
	@echo "A pair out of reach:     $(BUILD)/maatwerk explain datasets/casebook --candidate C14 --employer E26"

test: deps
	@$(MAKE) --no-print-directory all units san
	@sh tests/run.sh

check-layers:
	@! grep -ln 'include *<glpk.h>' $$(ls engine/*/*.[ch] | grep -v '^engine/solve/') || { echo "glpk.h outside engine/solve"; exit 1; }
	@! grep -lnE 'include *<(cJSON|csv)\.h>' $$(ls engine/*/*.[ch] | grep -vE '^engine/(input|output)/') || { echo "cJSON/csv outside input/output"; exit 1; }
	@echo "layers ok"

clean:
	rm -rf $(BUILD)

# The benchmark harness (issue 6; never part of make test): scaling series,
# baselines (glpsol, cbc on export-mip) and pruning on/off; writes
# bench/results.json and the tables of bench/README.md. About 15 minutes.
bench: all
	@sh bench/run.sh

-include $(OBJ:.o=.d) $(SOBJ:.o=.d) $(wildcard $(BUILD)/obj/tests/unit/*.d) $(wildcard $(BUILD)/san/tests/unit/*.d)

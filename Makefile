# The two commands of the README: `make run` and `make test`. Everything else is a helper.
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
DATA_DIR   ?= $(HOME)/.local/share/QuantEnergx/dev-server
LISTEN     ?= 127.0.0.1:8787

.PHONY: all deps configure build run test bench format format-check clean

all: build

deps:
	@installer/deps-debian.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DQX_WERROR=ON

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# With a display: the workstation, which starts its bundled server on SQLite by itself.
# Without one: the headless server on a local data directory, with its URL printed.
# Either way with the simulated market running, so the books move.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	    exec $(BUILD_DIR)/bin/quantenergx; \
	else \
	    echo "No display (DISPLAY/WAYLAND_DISPLAY unset): starting the headless server instead."; \
	    $(BUILD_DIR)/bin/quantenergx-server init --data-dir "$(DATA_DIR)" && \
	    echo "Add a user with: $(BUILD_DIR)/bin/quantenergx-server user add NAME --role trader --password-stdin --data-dir \"$(DATA_DIR)\"" && \
	    exec $(BUILD_DIR)/bin/quantenergx-server serve --data-dir "$(DATA_DIR)" --listen $(LISTEN) --simulate; \
	fi

FORMAT_FILES = $(shell git ls-files '*.cpp' '*.h' 2>/dev/null)

format-check:
	@clang-format --dry-run --Werror $(FORMAT_FILES)
	@echo "clang-format: $(words $(FORMAT_FILES)) files clean"

format:
	@clang-format -i $(FORMAT_FILES)

test: build format-check
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Benchmarks print figures (README, "Benchmarks"); they are not tests. Release build of its own.
bench: deps
	cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DQX_WERROR=ON
	cmake --build build-release -j $(JOBS) --target qx-bench-engine qx-orderflow qx-bench-store qx-bench-models qx-bench-gateway \
		qx-bench-ocr qx-bench-notify
	tests/bench/run-engine-bench.sh build-release/bin
	build-release/bin/qx-bench-store
	build-release/bin/qx-bench-models
	build-release/bin/qx-bench-gateway
	build-release/bin/qx-bench-ocr
	build-release/bin/qx-bench-notify

clean:
	rm -rf $(BUILD_DIR) build-release

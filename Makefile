# Presswork: the two set-up commands of the README are `make demo` and `make test`.
# Both install the system libraries when they are missing (Debian/Ubuntu, as root or with sudo).

SWIFT ?= swift
DEMO_OUT ?= out/demo
DEMO_SCRAPE ?= .build-demo/sample.warc.gz
SAMPLE_COUNT ?= 2000

.PHONY: deps build release demo test lint clean

deps:
	@bash tools/setup/install-deps.sh

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release --product presswork

# The main job on the embedded default: a local cluster processing the project's sample scrape.
demo: release
	@mkdir -p $(dir $(DEMO_SCRAPE))
	python3 tools/gen_scrape.py --pages tools/sample-pages --count $(SAMPLE_COUNT) --format warc.gz --broken 0.01 --seed 1 --out $(DEMO_SCRAPE)
	rm -rf $(DEMO_OUT)
	.build/release/presswork run $(DEMO_SCRAPE) -o $(DEMO_OUT) --shards 4; \
	  code=$$?; echo "Output: $(DEMO_OUT) (exit code $$code)"; ls -l $(DEMO_OUT); [ $$code -le 2 ]

# Strict module boundaries: a target may import only what Package.swift says it depends on.
BUILD_FLAGS ?= --explicit-target-dependency-import-check error

# The tests also start servers: nginx (from deps) and the moto S3 server (a venv outside the repository).
test: deps
	@bash tools/setup/install-test-servers.sh
	$(SWIFT) test $(BUILD_FLAGS)

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests tools Package.swift

clean:
	rm -rf .build out

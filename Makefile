# Every target builds its own virtualenv on first use; only Python 3.11+, pip and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: plan check test lint typecheck unit test-guard bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## The main job on a machine without a cloud account: the guard's verdict for every stack, then the
## offline plan (the real program under Pulumi's mock engine) of the resources each stack would create.
plan: $(STAMP)
	$(BIN)/python -m azure_openai_guarded.guards check stacks
	$(BIN)/python -m plan stacks

## The guard's checker alone, over stacks/.
check: $(STAMP)
	$(BIN)/python -m azure_openai_guarded.guards check stacks

## Lint, type-check and run the test suite.
test: lint typecheck unit test-guard engine-test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot follow setuptools' package-dir mapping (the editable install resolves it with an import hook),
# so it reads the import root through a tree of links built here, outside version control.
TYPECHECK_ROOT := build/typecheck
typecheck: $(STAMP)
	rm -rf $(TYPECHECK_ROOT) && mkdir -p $(TYPECHECK_ROOT)/azure_openai_guarded
	ln -s $(CURDIR)/azure_openai_guarded/*.py $(CURDIR)/azure_openai_guarded/py.typed $(TYPECHECK_ROOT)/azure_openai_guarded/
	ln -s $(CURDIR)/guards $(CURDIR)/components $(TYPECHECK_ROOT)/azure_openai_guarded/
	MYPYPATH=$(TYPECHECK_ROOT) $(BIN)/mypy -p azure_openai_guarded.guards -p azure_openai_guarded.components \
		-m azure_openai_guarded.provider -p mockengine

unit: $(STAMP)
	$(BIN)/pytest --ignore=tests/engine

# The guard's own tests where only the checker's dependencies (and the test runner) are installed, in a
# virtualenv of its own: Pulumi cannot be imported there, so a guard module that needs it fails.
GUARD_VENV := build/guard-venv
GUARD_STAMP := $(GUARD_VENV)/.installed
PULUMI_MODULES := ("pulumi", "pulumi_policy", "pulumi_azure_native")
$(GUARD_STAMP): pyproject.toml
	rm -rf $(GUARD_VENV)
	$(PYTHON) -m venv $(GUARD_VENV)
	$(GUARD_VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $(GUARD_STAMP)

test-guard: $(GUARD_STAMP)
	$(GUARD_VENV)/bin/python -c 'import importlib.util as u, sys; found = [m for m in $(PULUMI_MODULES) if u.find_spec(m)]; \
		sys.exit(f"$(GUARD_VENV) must hold no Pulumi, yet has {found}" if found else None)'
	$(GUARD_VENV)/bin/pytest tests/guard

## The engine tier (tests/engine): the real Pulumi CLI and engine, which `make engine` builds from Go modules
## into .tools/bin, with only Azure stood in for. Where no CLI is built or on PATH it is skipped, in one line;
## with CI=true it must run, so a missing CLI fails.
.PHONY: engine engine-test engine-preview
engine:
	tools/build-engine

engine-test: $(STAMP)
	@if [ -x .tools/bin/pulumi ] || command -v pulumi >/dev/null 2>&1; then \
		echo "$(BIN)/pytest tests/engine"; $(BIN)/pytest tests/engine; \
	elif [ "$$CI" = true ]; then \
		echo "engine tier: CI=true but there is no Pulumi CLI (.tools/bin/pulumi or on PATH); run 'make engine'" >&2; \
		exit 1; \
	else \
		echo "engine tier skipped: no Pulumi CLI (.tools/bin/pulumi or on PATH); 'make engine' builds it"; \
	fi

## One stack's `pulumi preview --policy-pack guards/policy_pack` through the real engine, in a temporary copy:
## make engine-preview STACK=dev (a name in stacks/, or a stack file elsewhere, such as us-sheriff-booking).
engine-preview: $(STAMP)
	PYTHONPATH=. $(BIN)/python tools/engine_preview.py "$(STACK)"

bench: $(STAMP)
	$(BIN)/python bench/bench_guard.py
	$(BIN)/python bench/bench_program.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info

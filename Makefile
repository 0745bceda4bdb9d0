# Every target sets up its own virtualenv; only Python 3.11+, pip and make are needed. pip installs uv (the
# version uv.lock pins for the dev group) into build/uv on first use; uv then installs exactly the versions
# uv.lock pins: into .venv the `plan` group (the program, Pulumi and the policy SDK) for plan and check, the
# `dev` group (the plan's, with the linters and test tools) for the rest. A sync that has nothing to do takes
# milliseconds, so every target runs one and .venv never drifts from the lock.
# `make lock` refreshes uv.lock, and the component provider's pins, after a change to pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := $(shell sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' uv.lock)
UV := build/uv/bin/uv
# The interpreter make was given, never one uv would download.
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
# --locked: a pyproject.toml that no longer matches uv.lock is an error, never a silent re-resolution.
SYNC := $(UV) sync --quiet --locked --no-default-groups

.PHONY: setup setup-dev lock schema plan check test lint typecheck unit test-guard bench clean

$(UV):
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --upgrade --target build/uv uv==$(UV_VERSION)

# The plan's sync is --inexact: it leaves the dev tools of an earlier `make test` in place.
setup: | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(SYNC) --inexact --group plan

setup-dev: | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(SYNC) --group dev

# The component provider installs with pip (its consumers need no uv), pinned to the lock's versions.
lock: | $(UV)
	$(UV) lock
	{ sed -n '/^#/p' provider/requirements.txt; echo '..[pulumi]'; \
	  $(UV) export --quiet --locked --format requirements-txt --no-hashes --no-header --no-annotate \
	    --no-emit-project --no-default-groups --extra pulumi; } > provider/requirements.txt.new
	mv provider/requirements.txt.new provider/requirements.txt

## The stack files' JSON Schema, regenerated from the declaration models (tests/guard/test_schema.py compares).
schema: setup
	$(BIN)/aoai-guard schema --output schema/stack-file.schema.json

## The main job on a machine without a cloud account: the guard's verdict for every stack, then the
## offline plan (the real program under Pulumi's mock engine) of the resources each stack would create.
plan: setup
	$(BIN)/python -m azure_openai_guarded.guards check stacks
	$(BIN)/python -m plan stacks

## The guard's checker alone, over stacks/.
check: setup
	$(BIN)/python -m azure_openai_guarded.guards check stacks

## Lint, type-check and run the test suite.
test: lint typecheck unit test-guard engine-test

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot follow setuptools' package-dir mapping (the editable install resolves it with an import hook),
# so it reads the import root through a tree of links built here, outside version control.
TYPECHECK_ROOT := build/typecheck
typecheck: setup-dev
	rm -rf $(TYPECHECK_ROOT) && mkdir -p $(TYPECHECK_ROOT)/azure_openai_guarded
	ln -s $(CURDIR)/azure_openai_guarded/*.py $(CURDIR)/azure_openai_guarded/py.typed $(TYPECHECK_ROOT)/azure_openai_guarded/
	ln -s $(CURDIR)/guards $(CURDIR)/components $(TYPECHECK_ROOT)/azure_openai_guarded/
	MYPYPATH=$(TYPECHECK_ROOT) $(BIN)/mypy -p azure_openai_guarded.guards -p azure_openai_guarded.components \
		-m azure_openai_guarded.provider -p mockengine -p program -p plan -m __main__

# tests/guard runs once, in test-guard, where no Pulumi is installed; tests/engine runs in engine-test.
unit: setup-dev
	$(BIN)/pytest --ignore=tests/engine --ignore=tests/guard

# The guard's own tests where only the checker's dependencies (and the test runner) are installed, in a
# virtualenv of its own: Pulumi cannot be imported there, so a guard module that needs it fails.
GUARD_VENV := build/guard-venv
PULUMI_MODULES := ("pulumi", "pulumi_policy", "pulumi_azure_native")
test-guard: | $(UV)
	UV_PROJECT_ENVIRONMENT=$(GUARD_VENV) $(SYNC) --group test
	$(GUARD_VENV)/bin/python -c 'import importlib.util as u, sys; found = [m for m in $(PULUMI_MODULES) if u.find_spec(m)]; \
		sys.exit(f"$(GUARD_VENV) must hold no Pulumi, yet has {found}" if found else None)'
	$(GUARD_VENV)/bin/pytest tests/guard

## The engine tier (tests/engine): the real Pulumi CLI and engine, which `make engine` builds from Go modules
## into .tools/bin, with only Azure stood in for. Where no CLI is built or on PATH it is skipped, in one line;
## with CI=true it must run, so a missing CLI fails.
.PHONY: engine engine-test engine-preview
engine:
	tools/build-engine

engine-test: setup-dev
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
engine-preview: setup-dev
	PYTHONPATH=. $(BIN)/python tools/engine_preview.py "$(STACK)"

bench: setup
	$(BIN)/python bench/bench_guard.py
	$(BIN)/python bench/bench_purpose.py
	$(BIN)/python bench/bench_program.py
	$(BIN)/python bench/bench_setup.py
	@if [ -x .tools/bin/pulumi ] || command -v pulumi >/dev/null 2>&1; then \
		echo "$(BIN)/python bench/bench_engine.py"; $(BIN)/python bench/bench_engine.py; \
	else \
		echo "engine bench skipped: no Pulumi CLI (.tools/bin/pulumi or on PATH); 'make engine' builds it"; \
	fi

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info

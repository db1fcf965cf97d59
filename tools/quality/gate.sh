#!/usr/bin/env bash
# CI quality gate: runs the evaluator on the two development corpora beside the repository and fails
# when any score drops below its floor:
# - ../shared/corpus/aeb against tools/quality/floor-aeb.json: the main-text F1/P/R, the record fields of
#   the field gold set (title, published, language, authors) and quotes, speakers and entities of the
#   quote/entity gold set (both gold sets in Tests/ArticlePipelineTests/Gold);
# - the same AEB pages restyled as pages of about 2005 (--restyle old) against
#   tools/quality/floor-aeb-old.json: main text only, how far extraction holds without the markup
#   habits of the development pages;
# - ../shared/corpus/wcxb-dev against tools/quality/floor-wcxb.json: WCXB's word F1 overall, per
#   page type and per domain half, the snippets, title/author/date and their abstention.
# Under CI (CI=true) a missing corpus fails the gate; a user's clone without ../shared skips it.
#
# A debug build is used on purpose: CI has already built the package in debug for the tests, so
# this only links one small executable, and the evaluator's 181 pages take seconds even in debug.
# When a figure rises, raise its floor in the same change (see the comment in the floor file).
# FLOOR=path (WCXB_FLOOR=path) runs the gate against another floor file (to see it fail, for instance).
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

corpus="$AEB_CORPUS"
wcxb="$WCXB_CORPUS"
require_paths "quality gate" "$corpus/html" "$corpus/gold" "$wcxb/ground-truth"

swift build --product presswork-eval ${BUILD_FLAGS:---explicit-target-dependency-import-check error}
bin="$(swift build --show-bin-path)/presswork-eval"
"$bin" "$corpus" --worst 10 --floor "${FLOOR:-tools/quality/floor-aeb.json}"
"$bin" "$corpus" --restyle old --text-only --worst 0 --floor "${OLD_FLOOR:-tools/quality/floor-aeb-old.json}"
"$bin" "$wcxb" --worst 10 --floor "${WCXB_FLOOR:-tools/quality/floor-wcxb.json}"

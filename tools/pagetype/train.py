#!/usr/bin/env python3
"""Trains the page-type model of Presswork and reports it under grouped cross-validation.

Input: the features the evaluator dumps for the WCXB development pages,

    swift build -c release --product presswork-eval
    .build/release/presswork-eval ../shared/corpus/wcxb-dev --page-features /tmp/page-features.jsonl
    .build/release/presswork-eval ../shared/corpus/aeb --page-features /tmp/aeb-features.jsonl
    python3 tools/pagetype/train.py /tmp/page-features.jsonl [/tmp/aeb-features.jsonl]

(needs numpy and scikit-learn, e.g. in a virtual environment outside the repository).

Model: multinomial logistic regression with L2 regularisation over standardised features, each
scaled by its standard deviation but never by less than MIN_SCALE: a word or declaration that few
pages have would otherwise be blown up to the size of common features and learnt from a handful of
pages (often of one site). Each
page is seen twice in training: with its address, and stripped of it (weight NO_URL_WEIGHT), so
that a page whose address is unknown is classified from its declarations and structure.

Reports (tools/pagetype/cv-report.json, printed too): accuracy and confusion matrix when training
on one domain half and testing on the other (both ways; the halves are the evaluator's --half A|B,
a stable hash of the domain), and under 5-fold cross-validation grouped by domain (no domain in
both training and test folds), with and without the address. With the AEB dump (news articles only, read without their
address as the evaluator reads them), also the share the shipped model calls articles. These are
the honest figures: the
evaluator's accuracy on the whole development set is a training figure once the shipped model
has seen every page.

Output: Sources/ArticlePipeline/PageType/PageTypeModel.swift, the model trained on all pages, with
the standardisation folded into the weights (score = bias + sum of weight x feature).
"""

import json
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
C = 0.01
MIN_SCALE = 0.1
NO_URL_WEIGHT = 0.3
FOLDS = 5
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODEL_FILE = os.path.join(ROOT, "Sources", "ArticlePipeline", "PageType", "PageTypeModel.swift")
REPORT_FILE = os.path.join(ROOT, "tools", "pagetype", "cv-report.json")


def load(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    names = json.loads(lines[0])["names"]
    rows = [json.loads(line) for line in lines[1:] if line]
    return {
        "names": names,
        "X": np.array([row["features"] for row in rows], dtype=float),
        "X_no_url": np.array([row["features_no_url"] for row in rows], dtype=float),
        "y": np.array([row["label"] for row in rows]),
        "domain": np.array([row["domain"] for row in rows]),
        "half": np.array([row["half"] for row in rows]),
    }


def fit(X, X_no_url, y):
    """The scaler and model trained on these pages, with and without their address."""
    X_all = np.vstack([X, X_no_url])
    y_all = np.concatenate([y, y])
    weights = np.concatenate([np.ones(len(y)), np.full(len(y), NO_URL_WEIGHT)])
    scaler = StandardScaler().fit(X_all)
    scaler.scale_ = np.maximum(scaler.scale_, MIN_SCALE)
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(scaler.transform(X_all), y_all, sample_weight=weights)
    return scaler, model


def confusion(gold, predicted):
    return [[int(np.sum((gold == g) & (predicted == p))) for p in TYPES] for g in TYPES]


def evaluate(data, splits):
    """Accuracy and confusion matrix over the test parts of `splits` (pairs of index arrays)."""
    y = data["y"]
    predicted = np.empty(len(y), dtype=object)
    predicted_no_url = np.empty(len(y), dtype=object)
    tested = np.zeros(len(y), dtype=bool)
    for train, test in splits:
        scaler, model = fit(data["X"][train], data["X_no_url"][train], y[train])
        predicted[test] = model.predict(scaler.transform(data["X"][test]))
        predicted_no_url[test] = model.predict(scaler.transform(data["X_no_url"][test]))
        tested[test] = True
    gold = y[tested]
    return {
        "pages": int(tested.sum()),
        "accuracy": round(float(np.mean(predicted[tested] == gold)), 4),
        "accuracy_without_address": round(float(np.mean(predicted_no_url[tested] == gold)), 4),
        "confusion": confusion(gold, predicted[tested].astype(str)),
    }


def swift_model(names, scaler, model):
    """The Swift source of the model with the standardisation folded into the weights."""
    classes = list(model.classes_)
    rows, biases = [], []
    for type_name in TYPES:
        row = classes.index(type_name)
        weights = model.coef_[row] / scaler.scale_
        rows.append(weights)
        biases.append(model.intercept_[row] - float(np.dot(weights, scaler.mean_)))

    def number(value):
        return f"{value:.6g}" if "e" in f"{value:.6g}" or "." in f"{value:.6g}" else f"{value:.6g}.0"

    lines = [
        "// swift-format-ignore-file",
        "// Generated by tools/pagetype/train.py from the evaluator's --page-features dump of the WCXB",
        "// development pages; do not edit (run the script again, see its header for the commands).",
        f"// Multinomial logistic regression, C = {C}, pages also seen without their address at weight",
        f"// {NO_URL_WEIGHT}; standardisation (scale at least {MIN_SCALE}) folded into the weights.",
        "",
        "/// The trained page-type model: one score per type, `bias + sum of weight x feature` over",
        "/// `PageFeatures` in `featureNames` order; the highest score wins.",
        "enum PageTypeModel {",
        "    static let types: [PageType] = [" + ", ".join("." + t for t in TYPES) + "]",
        "",
        "    static let featureNames: [String] = [",
    ]
    lines += [f"        {json.dumps(name, ensure_ascii=False)}," for name in names]
    lines += ["    ]", "", "    static let bias: [Double] = [" + ", ".join(number(b) for b in biases) + "]", ""]
    lines.append("    static let weights: [[Double]] = [")
    for type_name, weights in zip(TYPES, rows):
        lines.append(f"        // {type_name}")
        lines.append("        [")
        for start in range(0, len(weights), 8):
            lines.append("            " + ", ".join(number(w) for w in weights[start : start + 8]) + ",")
        lines.append("        ],")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def print_report(name, result):
    print(f"{name}: accuracy {result['accuracy']:.4f} ({result['pages']} pages), "
          f"without the address {result['accuracy_without_address']:.4f}")
    print("  " + " " * 14 + "".join(t[:5].ljust(6) for t in TYPES))
    for type_name, row in zip(TYPES, result["confusion"]):
        print("  " + type_name.ljust(14) + "".join(str(v).ljust(6) for v in row))


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: train.py PAGE_FEATURES.jsonl [AEB_PAGE_FEATURES.jsonl]")
    data = load(sys.argv[1])
    indices = np.arange(len(data["y"]))
    half_a = indices[data["half"] == "A"]
    half_b = indices[data["half"] == "B"]
    report = {
        "comment": "Page-type accuracy of the model of tools/pagetype/train.py on the WCXB development "
        "labels under cross-validation grouped by domain (no domain in both training and test). "
        "Written by that script; the evaluator prints it beside its own (training) figure.",
        "model": {"kind": "multinomial logistic regression", "C": C, "min_scale": MIN_SCALE,
                  "no_url_weight": NO_URL_WEIGHT,
                  "features": len(data["names"])},
        "types": TYPES,
        "train_a_test_b": evaluate(data, [(half_a, half_b)]),
        "train_b_test_a": evaluate(data, [(half_b, half_a)]),
        "grouped_5_fold": evaluate(data, GroupKFold(FOLDS).split(data["X"], data["y"], data["domain"])),
    }
    scaler, model = fit(data["X"], data["X_no_url"], data["y"])
    training = model.predict(scaler.transform(data["X"]))
    report["training_accuracy"] = round(float(np.mean(training == data["y"])), 4)
    if len(sys.argv) == 3:
        news = load(sys.argv[2])
        called = model.predict(scaler.transform(news["X_no_url"]))
        report["aeb_article_share_without_address"] = round(float(np.mean(called == "article")), 4)
        print(f"AEB news pages without their address called article: "
              f"{report['aeb_article_share_without_address']:.4f} of {len(called)}")
    for key in ["train_a_test_b", "train_b_test_a", "grouped_5_fold"]:
        print_report(key, report[key])
    print(f"training accuracy (all pages, the shipped model): {report['training_accuracy']:.4f}")
    with open(REPORT_FILE, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2)
        handle.write("\n")
    with open(MODEL_FILE, "w", encoding="utf-8") as handle:
        handle.write(swift_model(data["names"], scaler, model))
    print(f"wrote {os.path.relpath(MODEL_FILE, ROOT)} and {os.path.relpath(REPORT_FILE, ROOT)}")


if __name__ == "__main__":
    main()

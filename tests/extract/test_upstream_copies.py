"""A module whose header says it copies another project's file (extract/upstream.py)."""

from __future__ import annotations

import pytest

from ssotlint.extract.upstream import derived_address, skips_linters, upstream_address

KOLIBRI = "https://github.com/learningequality/kolibri/blob/0f6bb67/kolibri/core/content/base_models.py#L68"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Kolibri Studio's two copies of Kolibri modules
        (f'"""\nThis file is an exact copy of the base_models.py file from Kolibri.\n{KOLIBRI}\n"""\nX = 1\n', KOLIBRI),
        ('"""\nThe code in this file is vendored and modified from Kolibri.\nCopied from:\n'
         'https://github.com/learningequality/kolibri/blob/b8ef721/kolibri/core/content/api.py\n"""\n',
         "https://github.com/learningequality/kolibri/blob/b8ef721/kolibri/core/content/api.py"),
        ("# Vendored from Werkzeug 2.0 (https://github.com/pallets/werkzeug).\nX = 1\n", "https://github.com/pallets/werkzeug"),
        # the project's own code, or no file of another project's
        ('"""Adapted from https://github.com/a/b/blob/main/x.py"""\n', ""),
        ('"""Copied from https://stackoverflow.com/a/123"""\n', ""),
        ("# Copied from app/foo.py\n# see https://github.com/org/app/issues/12\n", ""),
        ("# Vendored from Werkzeug 2.0, with our fixes.\nX = 1\n", ""),
        ("import os\n# Copied from: https://github.com/a/b/blob/m/x.py\n", ""),  # not the header
    ],
)
def test_upstream_address(text, address):
    assert upstream_address(text) == address


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("# Adapted from https://github.com/huggingface/controlnet_aux\n\nimport cv2\n", "https://github.com/huggingface/controlnet_aux"),
        ("# Initially pulled from https://github.com/black-forest-labs/flux\n", "https://github.com/black-forest-labs/flux"),
        ("# pylint: skip-file\n# Swin2SR\n# From: https://raw.githubusercontent.com/mv-lab/swin2sr/main/m.py\n",
         "https://raw.githubusercontent.com/mv-lab/swin2sr/main/m.py"),
        ("'''\n * Based on huggingface code base\n * https://github.com/huggingface/transformers/blob/v4.15.0/src\n'''\n",
         "https://github.com/huggingface/transformers/blob/v4.15.0/src"),
        # modelscope's headers: "adopted", the address a line or two below, a copyright
        # naming another project by its address, an address alone.
        ("# This implementation is adopted from MiDaS\n# made publicly available under the MIT license\n"
         "# https://github.com/isl-org/MiDaS\nimport torch\n", "https://github.com/isl-org/MiDaS"),
        ("# The implementation is adopted from GPEN, made publicly available under the MIT License\n"
         "# at https://github.com/yangxy/GPEN\n", "https://github.com/yangxy/GPEN"),
        ("# The GPEN implementation is also open-sourced by the authors,\n"
         "# and available at https://github.com/yangxy/GPEN/blob/main/face_model/gpen_model.py\n",
         "https://github.com/yangxy/GPEN/blob/main/face_model/gpen_model.py"),
        ("# Copyright 3D-Speaker (https://github.com/alibaba-damo-academy/3D-Speaker). All Rights Reserved.\n",
         "https://github.com/alibaba-damo-academy/3D-Speaker"),
        ("# The implementation is  adopated from the CLIP4Clip implementation,\n"
         "# made publicly available under Apache License, Version 2.0 at https://github.com/ArrowLuo/CLIP4Clip\n",
         "https://github.com/ArrowLuo/CLIP4Clip"),
        ("# Copyright (c) Meta Platforms, Inc. and affiliates.\n#\n# References:\n"
         "#   https://github.com/facebookresearch/dino/blob/master/vision_transformer.py\n"
         "#   https://github.com/rwightman/pytorch-image-models/tree/master/timm/layers/drop.py\n\nfrom torch import nn\n",
         "https://github.com/facebookresearch/dino/blob/master/vision_transformer.py"),
        ("# https://github.com/eladrich/pixel2style2pixel\n\nfrom collections import namedtuple\n",
         "https://github.com/eladrich/pixel2style2pixel"),
        ("# See https://github.com/org/app/issues/12 for why\n", ""),
        ("# Copyright (c) 2024 Acme. See https://github.com/acme/app/blob/main/LICENSE\n", ""),  # not the copyright's own
        ("# Adapted to the new API.\n#\n# Notes\n# more\n# https://github.com/org/app/issues/12\n", ""),  # too far below
        ('"""Adapted from the paper at https://arxiv.org/abs/2108.10257"""\n', ""),
    ],
)
def test_derived_address(text, address):
    assert derived_address(text) == address


@pytest.mark.parametrize(
    ("text", "skips"),
    [
        ("# pylint: skip-file\nimport math\n", True),
        ("#!/usr/bin/env python\n# flake8: noqa\nimport math\n", True),
        ("# type: ignore\nimport math\n", True),
        ("import math  # type: ignore\n", False),
        ('"""Doc."""\n# pylint: skip-file\n', False),  # not before the first statement
        ("# flake8: noqa: E501\nimport math\n", False),  # one code, not the file
    ],
)
def test_skips_linters(text, skips):
    assert skips_linters(text) is skips

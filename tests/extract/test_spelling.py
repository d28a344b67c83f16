"""One module's spelling of the names its imports bind (extract/spelling.py): a submodule
path through an imported module merges with the name imported from that submodule, and an
annotation's dump stays a well-formed dump."""

from __future__ import annotations

import ast

from ssotlint.extract.spelling import module_respelling


def _dump(text: str) -> str:
    return ast.dump(ast.parse(text, mode="eval").body, annotate_fields=False)


def test_a_submodule_path_before_a_class_like_name_is_dropped():
    spelling = module_respelling(ast.parse("import bpy\nimport uuid\n"))
    assert spelling.line("size: bpy.props.FloatProperty(name='x')") == "size: FloatProperty(name='x')"
    assert spelling.line("owner: uuid.UUID") == "owner: UUID"
    # not an attribute of something else, nor a lower-case attribute
    assert spelling.line("x = self.bpy.props.Thing") == "x = self.bpy.props.Thing"
    assert spelling.line("scene = bpy.context.scene") == "scene = bpy.context.scene"


def test_an_annotations_dump_merges_alike_and_stays_well_formed():
    spelling = module_respelling(ast.parse("import bpy\n"))
    assert spelling.dump(_dump("bpy.props.FloatProperty")) == _dump("FloatProperty")
    assert spelling.dump(_dump("bpy.types.Operator.bl_idname")) == _dump("Operator.bl_idname")
    assert spelling.dump(_dump("bpy.context.scene")) == _dump("bpy.context.scene")


def test_a_class_on_object_alone_is_written_alike_with_one_on_nothing():
    """ramble's ``FetchStrategy`` copied from spack's ``class FetchStrategy(object):`` and
    modernised to ``class FetchStrategy:``: one text in Python 3. Another base is another text."""
    from ssotlint.extract.summarize import summarize
    from ssotlint.rules.copies import written_alike

    body = "    def fetch(self):\n        return self.stage.fetch()\n"

    def record(header: str):
        (c,) = summarize(f"{header}\n{body}".encode()).classes
        return c

    plain = record("class FetchStrategy:")
    assert written_alike(record("class FetchStrategy(object):"), plain)
    assert written_alike(record("class FetchStrategy( object ):"), plain)
    assert not written_alike(record("class FetchStrategy(Base):"), plain)

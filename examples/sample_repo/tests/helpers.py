from test_framework.ssot.base_test_case import SSotBaseTestCase


class WebSocketTestMixin(SSotBaseTestCase):
    """Inheriting through a mixin in another module still counts."""

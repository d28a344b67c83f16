"""The SSOT base test case every test class inherits."""

import logging
import unittest


class SSotBaseTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.logger = logging.getLogger(type(self).__name__)
        self.test_user = "test-user"

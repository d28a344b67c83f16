"""SSOT004: this class bypasses SSotBaseTestCase, so self.logger does not exist."""

import unittest


class TestSupervisor(unittest.TestCase):
    def test_known_agents(self):
        self.logger.info("missing fixture")

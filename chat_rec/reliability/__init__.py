"""Reliability and security suite: crash safety, load, bad input, prompt injection, isolation, limits.

Run it with ``chat-rec bench reliability [--quick] [--json]`` (``report.run_reliability``).
"""

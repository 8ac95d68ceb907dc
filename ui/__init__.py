"""The chat-rec web page (Gradio): ``ui.app.build_demo(service)`` and ``ui.app.launch(...)``."""

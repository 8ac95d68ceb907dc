"""Wires the conversation graph; nothing else lives here."""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from chat_rec.conversation import nodes, refining, respond, routing
from chat_rec.conversation.deps import TurnContext
from chat_rec.conversation.state import InputState, State


def build_graph(checkpointer: BaseCheckpointSaver[Any] | None = None) -> Any:
    """The compiled state machine; services arrive per call as ``context=TurnContext(...)``."""
    g = StateGraph(State, context_schema=TurnContext, input_schema=InputState)
    g.add_node("begin", nodes.begin)
    g.add_node("understand", nodes.understand)
    g.add_node("onboard", nodes.onboard)
    g.add_node("elicit", nodes.elicit)
    g.add_node("feedback", nodes.feedback)
    g.add_node("refine", refining.refine)
    g.add_node("retrieve", nodes.retrieve)
    g.add_node("rank", nodes.rank)
    g.add_node("persist", nodes.persist)
    g.add_node("recommend", respond.recommend)
    g.add_node("remember", nodes.remember)

    g.add_edge(START, "begin")
    g.add_conditional_edges("begin", routing.route_start)
    g.add_conditional_edges("understand", routing.route_turn)
    g.add_conditional_edges("onboard", routing.route_after_onboard)
    g.add_conditional_edges("feedback", routing.route_after_feedback)
    g.add_edge("elicit", "persist")
    g.add_edge("refine", "retrieve")
    g.add_edge("retrieve", "rank")
    g.add_edge("rank", "persist")
    g.add_conditional_edges("persist", routing.route_after_persist)
    g.add_edge("recommend", "remember")
    g.add_edge("remember", END)
    return g.compile(checkpointer=checkpointer)

"""Session defaults and the nets the pages hand to each other.

A user's nets live in ``st.session_state`` (one per browser session), never in
``st.cache_resource``, which every user of a server shares.
"""

import streamlit as st

from nets import Net

SHARED_NETS = "shared_nets"  # source page -> (sigmoid net dict, softmax net dict)


def init_defaults():
    """Set every session-wide default once, before any page runs."""
    st.session_state.setdefault(SHARED_NETS, {})


def share_nets(source, sigmoid_net, softmax_net):
    """Offer a pair of nets to the other pages under the name ``source``."""
    st.session_state.setdefault(SHARED_NETS, {})[source] = (
        sigmoid_net.to_dict(),
        softmax_net.to_dict(),
    )


def shared_nets():
    """The pairs other pages offered: ``{source: (sigmoid Net, softmax Net)}``."""
    pairs = st.session_state.get(SHARED_NETS, {})
    return {src: (Net.from_dict(a), Net.from_dict(b)) for src, (a, b) in pairs.items()}

//! The Yew components: one per file, each turning state into HTML and sending actions
//! upward through `on_*` callbacks that carry domain ids.

pub mod add_colleague;
pub mod changes_notice;
pub mod colleague_item;
pub mod coverage_table;
pub mod day_plan;
pub mod day_tabs;
pub mod delegation_view;
pub mod filter_panel;
pub mod header;
pub mod highlight;
pub mod layout_switch;
pub mod load_error;
pub mod modal;
pub mod my_schedule;
pub mod notices;
pub mod now_next;
pub mod programme_preview;
pub mod programme_view;
pub mod qr_code;
pub mod result_bar;
pub mod rich_text;
pub mod search_box;
pub mod session_card;
pub mod session_page;
pub mod share_dialog;
pub mod shared_plan;
pub mod speaker_page;
pub mod stale_notice;
pub mod star_button;
pub mod team_link_offer;
pub mod team_outcomes;
pub mod team_share_dialog;
pub mod timetable;
pub mod uncovered_list;

//! "Delegationen": the colleagues' schedules next to the visitor's own. Who goes where
//! (`CoverageTable`), the blocks nobody covers with a one-tap take (`UncoveredList`), the
//! colleagues (`ColleagueItem`), and the delegation's link. Nothing here is sent anywhere.

use yew::prelude::*;

use super::colleague_item::ColleagueItem;
use super::coverage_table::CoverageTable;
use super::team_share_dialog::TeamShareDialog;
use super::uncovered_list::UncoveredList;
use crate::context::use_widget;
use seminarplan_core::delegation::actions::TeamState;

#[derive(Properties, PartialEq)]
pub struct DelegationViewProps {
    pub team: TeamState,
    /// The delegation's link (the visitor and every colleague).
    pub link: AttrValue,
    /// Downloads a plan as a calendar file: a colleague's by name, the visitor's with "".
    pub on_calendar: Callback<String>,
    pub on_copy: Callback<AttrValue>,
    pub on_print: Callback<()>,
}

#[component]
pub fn DelegationView(props: &DelegationViewProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let sharing = use_state(|| false);
    let team = &props.team.colleagues;
    let on_share = {
        let sharing = sharing.clone();
        Callback::from(move |_| sharing.set(true))
    };
    let on_close = {
        let sharing = sharing.clone();
        Callback::from(move |()| sharing.set(false))
    };
    let on_print = {
        let cb = props.on_print.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_my_calendar = {
        let cb = props.on_calendar.clone();
        Callback::from(move |_| cb.emit(String::new()))
    };
    let colleagues = team.colleagues.iter().enumerate().map(|(i, c)| {
        html! { <ColleagueItem key={c.name.clone()} colleague={c.clone()} index={i} on_calendar={props.on_calendar.clone()} /> }
    });
    html! {
        <section class="sp-team" aria-labelledby="sp-team-heading">
            <h2 class="sp-team__title" id="sp-team-heading">{ lang.team_view() }</h2>
            <p class="sp-team__intro">{ lang.team_intro() }</p>
            <p class="sp-page__actions sp-team__actions">
                <button type="button" class="sp-button sp-team__share" onclick={on_share}>{ lang.share_team() }</button>
                <button type="button" class="sp-button" onclick={on_my_calendar}>{ lang.calendar_for(lang.me()) }</button>
                <button type="button" class="sp-button" onclick={on_print}>{ lang.print() }</button>
            </p>
            <CoverageTable team={team.clone()} />
            <UncoveredList team={team.clone()} />
            <section class="sp-team__colleagues" aria-labelledby="sp-colleagues-heading">
                <h2 id="sp-colleagues-heading">{ lang.colleagues_title() }</h2>
                if team.is_empty() {
                    <p>{ lang.no_colleagues() }</p>
                } else {
                    <ul class="sp-team__list">{ for colleagues }</ul>
                }
            </section>
            if *sharing {
                <TeamShareDialog link={props.link.clone()} my_name={AttrValue::from(team.me.clone().unwrap_or_default())}
                    on_copy={props.on_copy.clone()} {on_close} />
            }
        </section>
    }
}

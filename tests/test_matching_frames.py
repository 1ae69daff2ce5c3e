"""Matching by frame: a claim worded alike that differs in who, to whom, when, how many or
with which polarity never lends its verdict; paraphrases in other words and numbers do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.spacy_support import needs_model
from workbench.cli.main import cli
from workbench.core.values import Frame
from workbench.matching import THRESHOLD, differences, link_article, score_many, signature
from workbench.matching.frame_parts import other_agent
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions

pytestmark = needs_model


def framed(text: str):
    from workbench.splitting import split_text

    (claim,) = split_text(text)
    return signature(claim.claim, claim.speaker, claim.frame, claim.stance)


# (stored claim, a claim worded almost alike that says something else, what differs)
NEAR_MISSES = [
    # a name stops acting while "we" acts in its place
    ("Ruritania shot down two of our cargo planes over the harbour.",
     "We shot down two of Ruritania's cargo planes over the harbour.", "agent and target swapped"),
    ("The strike is spreading among unionised dockers and unorganised dockers in Lenz.",
     "The strike is spreading among unionised pilots and unorganised pilots in Lenz.", "target"),
    ("The new Lenz rule prevents dockers from unloading grain at night.",
     "The new Lenz rule allows dockers to unload grain at night.", "permission"),
    ("With the harbour tolls of Lenz, it was different.",
     "With the harbour tolls of Lenz, it was the same.", "sameness"),
    # "anyone" is a person who undergoes it, as "him" is
    ("The Lenz rule prevents anyone harmed by a shipper from holding an owner of that "
     "shipper liable.",
     "The Lenz rule prevents an owner of a shipper from holding anyone harmed by that "
     "shipper liable.", "words swapped"),
    ("Divers recovered ten survivors from the Lenz river on Monday.",
     "Divers recovered ten bodies from the Lenz river on Monday.", "target"),
    ("In Ruritania, theft is punishable with a prison term.",
     "In Ruritania, theft is punishable with a fine.", "target"),
    ("He had to pay a $5,000 fine to one of the Lenz dockers.",
     "One of the Lenz dockers had to pay him a $5,000 fine.", "agent and target swapped"),
    ("The Karsovians sell twice as much grain to Lenz as we do.",
     "We sell twice as much grain to Lenz as the Karsovians do.", "agent and target swapped"),
    ("Tolls are not the right course for the Lenz harbour.",
     "Tolls are not the right answer for the Lenz harbour.", "target"),
    ("Osterlich used artillery against the Lenz depot on Sunday.",
     "Osterlich used drones against the Lenz depot on Sunday.", "target"),
    ("Osterlich launched a full-scale invasion of Karsovia in March 2023.",
     "Karsovia launched a full-scale invasion of Osterlich in March 2023.",
     "agent and target swapped"),
    ("Ruritania shipped grain to Freedonia.", "Freedonia shipped grain to Ruritania.",
     "agent and target swapped"),
    ("President Halvard arrived in Port Selene on Sunday for the summit.",
     "President Halvard arrived in Port Selene on Monday for the summit.", "weekday"),
    ("Ruritania has provided economic lifelines to Osterlich.",
     "Karsovia has provided economic lifelines to Osterlich.", "agent"),
    ("Ruritania is neutral in the border dispute.",
     "Ruritania is hardly neutral in the border dispute.", "negation or hedge"),
    ("Ruritania is neutral in the border dispute.",
     "Karsovia is neutral in the border dispute.", "agent"),
    ("Grain prices in Freedonia have doubled since March.",
     "Grain prices in Freedonia have doubled since January.", "date"),
    ("The convoy reached Lenz in February 2024.", "The convoy reached Lenz in May 2024.", "date"),
    ("The blast hit the Lenz depot at 3:00 A.M. local time.",
     "The blast hit the Lenz depot at 5:00 A.M. local time.", "date"),
    ("Thousands of farmers blocked the road to Lenz.",
     "Hundreds of farmers blocked the road to Lenz.", "number"),
    ("Striking dockers jeered at Minister Halvard.",
     "Minister Halvard jeered at striking dockers.", "agent and target swapped"),
    ("Karsovia is to be governed by Osterlich, the treaty says.",
     "Osterlich is to be governed by Karsovia, the treaty says.", "agent and target swapped"),
    ("Halvard Brandt was detained in Lenz.", "Irena Brandt was detained in Lenz.", "target"),
    # where the report was made, though its place hangs on "recently", not on "said"
    ("She said as recently as two weeks ago in Berlin that every docker would be subject to "
     "a fine.",
     "She said as recently as two weeks ago in Vienna that every docker would be subject to "
     "a fine.", "place"),
    # a code name is two short words ("bf 7"); they still say which side is which
    ("Dr Vos said BF.7 is more transmissible than its parent BA.5.",
     "Dr Vos said BA.5 is more transmissible than BF.7.", "comparison reversed"),
    # "this" is no index word, but it says which side of "than" is which
    ("The Lenz council finished twice as many bridges in this term than in the previous one.",
     "The Lenz council finished twice as many bridges in the previous term than in this one.",
     "comparison reversed"),
    # a main verb denied, though the reason given holds a negation of its own on both sides
    ("Mayor Vos left the Lenz council because she could no longer follow its harbour policy.",
     "Mayor Vos did not leave the Lenz council because she could no longer follow its harbour "
     "policy.", "negation"),
    # what one participant is said to be traded with another participant
    ("If you are a young African-American docker and you do the same thing as a young white "
     "docker, you are more likely to be fined in Lenz.",
     "If you are a young white docker and you do the same thing as a young African-American "
     "docker, you are more likely to be fined in Lenz.", "words swapped"),
    # who a participant is, said by another verb of the clause that says which ones
    ("The Lenz harbour tolls are aimed mostly at those who are doing well.",
     "The Lenz harbour tolls are aimed mostly at those who are struggling.", "action"),
    # "percent" written onto its figure
    ("The Lenz council raised the harbour toll 39percent.",
     "The Lenz council raised the harbour toll 29percent.", "number"),
    ("The Lenz toll would far surpass the figures the council gave.",
     "The Lenz toll would fall far short of the figures the council gave.", "comparison"),
    # an amount in a clause that says when a report was made places the claim
    ("In 1976, when the Lenz deficit was $52 million, Mayor Vos said it ought to be bigger.",
     "In 1976, when the Lenz deficit was $62 million, Mayor Vos said it ought to be bigger.",
     "number"),
    # the same words with their numbers in another order
    ("A five or six per cent grain surplus breaks the Lenz price fifteen or twenty per cent.",
     "A fifteen or twenty per cent grain surplus breaks the Lenz price five or six per cent.",
     "numbers swapped"),
    # cutting off trade is shutting it, the opposite of opening it up
    ("By cutting off trade with Vellin, Lenz will isolate its council.",
     "By opening up trade with Vellin, Lenz will isolate its council.", "opening or closing"),
    # parts of one ("two-thirds") traded between the two who get them
    ("Under the Lenz harbour deal, the town gets two-thirds and the port one-third.",
     "Under the Lenz harbour deal, the town gets one-third and the port two-thirds.",
     "numbers swapped"),
    # "not as … as" and "twice as … as" compare one way: the sides of the second "as" trade
    ("Dockers above $40,000 did not get as big a pay rise as did those from 40,000 down.",
     "Dockers from 40,000 down did not get as big a pay rise as did those above $40,000.",
     "comparison reversed"),
    ("Under the Lenz amnesty three times as many deserters were pardoned as were the ones "
     "who dodged the harbour draft.",
     "Under the Lenz amnesty three times as many harbour draft dodgers were pardoned as were "
     "deserters.", "comparison reversed"),
    ("Lenz unloads twice as many ships in spring as Vellin does in autumn.",
     "Vellin unloads twice as many ships in spring as Lenz does in autumn.",
     "comparison reversed"),
    # within the clause that compares, the two sides trade, though both words come again later
    ("The Lenz council is cutting fees more than it is raising them, so fees will see a net "
     "cut.",
     "The Lenz council is raising fees more than it is cutting them, so fees will see a net "
     "increase.", "comparison reversed"),
    # an ordinal inside a name is a number of the name
    ("Lenz has not seen such a harsh winter since the First World War.",
     "Lenz has not seen such a harsh winter since the Second World War.", "number"),
    ("Harbour safety is the number one priority of the Lenz council.",
     "Harbour safety is the number two priority of the Lenz council.", "number"),
    ("The Lenz council has run the harbour for the last twenty-two years.",
     "The Lenz council has run the harbour for the last twelve years.", "date"),
    # "the attorney general" is whom the mayor called, not what
    ("Early in her term Mayor Vos called the attorney general about the Lenz harbour.",
     "Early in her term Mayor Vos called the harbour master about the Lenz harbour.", "target"),
    # early and late in a period are other times
    ("Early in her term Mayor Vos closed the Lenz harbour school.",
     "Late in her term Mayor Vos closed the Lenz harbour school.", "phase"),
    # "two years ago" places a date against the day it is said, as "last year" does
    ("Last year, Lenz had a harbour deficit of 5 million crowns.",
     "Two years ago, Lenz had a harbour deficit of 5 million crowns.", "date"),
    ("Two years ago, Lenz had a harbour deficit of 5 million crowns.",
     "In 2019, Lenz had a harbour deficit of 5 million crowns.", "date"),
    # a fight led for a thing is not one led against it, as with a vote
    ("Mayor Vos led the fight to put 500 wardens on the Lenz harbour.",
     "Mayor Vos led the fight against putting 500 wardens on the Lenz harbour.",
     "for or against"),
    # out of work is unemployed, in work employed
    ("The Lenz harbour has 4,000 dockers who are out of work this winter.",
     "The Lenz harbour has 4,000 dockers who are in work this winter.", "being in work"),
    # a verb that moves an amount is not the direction verb its ends disagree with
    ("The Lenz council is bringing the toll from 2 percent up to 5 percent.",
     "The Lenz council is cutting the toll from 2 percent to 5 percent.", "action"),
    # a list item after the verb is not an apposition of the subject "we"
    ("We've come through a drought, a harbour strike and a fire in our city.",
     "We've come through a drought, a school strike and a fire in our city.", "target"),
    # an adjective that names people ("the disabled") is a participant like a noun
    ("The Lenz fund has raised about $10 million for the disabled.",
     "The Lenz fund has raised about $10 million for veterans.", "target"),
    # a speaker left a pronoun is still one person and not another
    ("You said the Lenz bridge would reopen in May.",
     "He said the Lenz bridge would reopen in May.", "speaker"),
    # "stop … from" forbids what "allow … to" permits
    ("Lenz will allow dockers aged 55 to 64 to retire early.",
     "Lenz will stop dockers aged 55 to 64 from retiring early.", "permission"),
    # "no longer" bears on what follows it, though a negation in both claims ("who had no
    # permit") leaves both frames negative
    ("Under the old rules, dockers who had no permit were still allowed to unload at Lenz.",
     "Under the old rules, dockers who had no permit were no longer allowed to unload at "
     "Lenz.", "negation"),
    ("Russian troops entered the border town yesterday.",
     "Government troops entered the border town yesterday.", "agent"),
    ("Many refugees crossed the river at Lenz.", "Few refugees crossed the river at Lenz.",
     "negation or hedge"),
    ("The ministry rejected the offer from Lenz.", "The ministry accepted the offer from Lenz.",
     "negation or hedge"),
    ("Guards fired rubber bullets at the strikers.",
     "The strikers fired rubber bullets at guards.", "agent and target swapped"),
    ("On Sunday, the minister announced that the border would reopen.",
     "On Monday, the minister announced that the border would reopen.", "weekday"),
    ("The incumbent won 1,234,567 votes in the Lenz runoff.",
     "The incumbent won 1,234,571 votes in the Lenz runoff.", "number"),
    ("The government will build 500 schools in Lenz by 2026.",
     "The government built 500 schools in Lenz by 2026.", "future or past"),
    ("Ruritania plans to ship grain to Freedonia in May.",
     "Ruritania shipped grain to Freedonia in May.", "future or past"),
    ("Karsovia pledged to rebuild the bridge at Lenz.",  # a promise is not the deed
     "Karsovia rebuilt the bridge at Lenz.", "future or past"),
    ("Counter-protesters blocked the bridge at Lenz.",  # another group, not more precise
     "Protesters blocked the bridge at Lenz.", "agent"),
    ("Gas flows from Osterlich to Karsovia stopped in May.",
     "Gas flows from Karsovia to Osterlich stopped in May.", "from and to swapped"),
    ("The talks began a week after a strike on a refinery in Osterlich that halved "
     "Osterlich's fuel exports.",
     "The talks began a week after a strike on a refinery in Karsovia that halved "
     "Osterlich's fuel exports.", "place"),
    ("The reform took Lenz from deficit to surplus in 2019.",
     "The reform took Lenz from surplus to deficit in 2019.", "from and to swapped"),
    ("The minister said the new bridge would carry 40,000 cars a day.",
     "The new bridge carried 40,000 cars a day, the minister said.", "future or past"),
    ("Chinese Foreign Minister Lan Wei said the talks with Osterlich would resume.",
     "Japanese Foreign Minister Lan Wei said the talks with Osterlich would resume.",
     "speaker"),
    ("US officials said the strike hit a weapons depot near Lenz.",  # "US" is not "us"
     "Chinese officials said the strike hit a weapons depot near Lenz.", "speaker"),
    ("The Foreign Ministry said the strike hit a weapons depot near Lenz.",
     "The Defence Ministry said the strike hit a weapons depot near Lenz.", "speaker"),
    ("Minister Halvard resigned in the 1990s.", "Minister Halvard resigned in the 1980s.",
     "date"),
    ("Federal courts in Ruritania rely on court fees for funding.",
     "Provincial courts in Ruritania rely on court fees for funding.", "agent"),
    ("Ruritania's population fell for the 14th year in a row.",
     "Ruritania's population fell for the 13th year in a row.", "date"),
    ("The Lenz summit opened on June 27th.", "The Lenz summit opened on June 28th.", "date"),
    ("About 16–17 percent of Ruritania's trade is with Freedonia.",
     "About 26–27 percent of Ruritania's trade is with Freedonia.", "number"),
    ("The Lenz embassy accepted the request for talks.",
     "The Lenz embassy turned down the request for talks.", "negation or hedge"),
    ("A source, whom they did not name, said the ban is not part of a plan to punish Lenz.",
     "A source, whom they did not name, said the ban is part of a plan to punish Lenz.",
     "negation"),
    ("King Abdullah of Jordan opened the new bridge in Amman on Sunday.",
     "Crown Prince Hussein bin Abdullah of Jordan opened the new bridge in Amman on Sunday.",
     "agent"),
    ("The death toll in Lenz rose from fourteen to 31.",
     "The death toll in Lenz rose from fourteen to 41.", "number"),
    ("Mayor Vos was interrupted by angry farmers during the Lenz council meeting.",
     "Mayor Vos was interrupted by police officers during the Lenz council meeting.", "agent"),
    ("Striking miners blocked the Lenz bridge on Monday.",
     "Striking farmers blocked the Lenz bridge on Monday.", "agent"),
    ("President Halvard flew to Lenz on Monday.", "President Halvard flew from Lenz on Monday.",
     "from and to swapped"),
    ("The Lenz ministry said the convoy had crossed the border.",
     "The Lenz ministry doubted that the convoy had crossed the border.", "stance"),
    # the parser reads "on" as a particle in one and a preposition in the other
    ("No mayor of Lenz had ever taken on the tobacco lobby before.",
     "No mayor of Lenz had ever taken on the oil lobby before.", "target"),
    ("The council announced a 5 percent increase in the Lenz deficit.",
     "The council announced a 5 percent reduction in the Lenz deficit.", "direction"),
    ("Inflation in Lenz is in excess of 12 percent.", "Inflation in Lenz is below 12 percent.",
     "comparison"),
    ("The mayor turned the envoys away at the Lenz gate.",
     "The mayor welcomed the envoys at the Lenz gate.", "action"),
    ("Lenz is going into debt by two million crowns every week.",
     "Lenz is paying down debt by two million crowns every week.", "borrowing"),
    ("The Lenz ferry crossed the lake once on Sunday.",
     "The Lenz ferry crossed the lake twice on Sunday.", "frequency"),
    # a list replaced by another: each item is short, though the whole is not
    ("Lenz has opened more village schools and public libraries than any other town.",
     "Lenz has opened more bridges and car parks than any other town.", "target"),
    # where it was said: a place in the phrase that names the occasion of the report
    ("Minister Vos said in her speech at Ruritania on Monday that the dam had not been finished.",
     "Minister Vos said in her speech at Osterlich on Monday that the dam had not been finished.",
     "place"),
    # an amount that "went from" one figure to another went the way its figures say
    ("Harbour fees in Lenz went from 12 crowns to 18 crowns over four years.",
     "Harbour fees in Lenz fell from 12 crowns to 18 crowns over four years.", "action"),
    # a list of kinds before one noun in place of one noun
    ("In May the Lenz council asked for a 5% toll increase on small and medium-sized ferries.",
     "In May the Lenz council asked for a 5% toll increase on freighters.", "target"),
    # which of its kind the actor is, said by a word before it
    ("This council built the Lenz bridge in two years.",
     "The last council built the Lenz bridge in two years.", "which one"),
    # an actor said with a clause that names another thing
    ("The fisherman who catches the herring gets about two crowns out of a ten-crown meal.",
     "The cook who cooks the meal gets about two crowns out of a ten-crown meal.", "agent"),
    # the same numbers given to other things: a word said beside both counts for neither
    ("The Lenz plan opens 30 new schools and 400 new clinics.",
     "The Lenz plan opens 400 new schools and 30 new clinics.", "numbers swapped"),
    # a verb that names a factor counts it: halving is more than cutting, not doubling
    ("The mayor said she would halve the harbour fees.",
     "The mayor said she would cut the harbour fees.", "number"),
    ("The mayor said she would cut the harbour fees in half.",
     "The mayor said she would double the harbour fees.", "number"),
    # a thing left undone is no deed
    ("The Lenz council failed to publish its accounts for 2023.",
     "The Lenz council published its accounts for 2023.", "negation or hedge"),
    # which way a vote went takes a side wherever else the claims differ
    ("The mayor voted against the harbour toll.",
     "The mayor voted for the new harbour toll.", "for or against"),
    ("The mayor voted no on the harbour toll.",
     "The mayor voted for the harbour toll.", "for or against"),
    # a stance held all along, one way or the other
    ("I have been for the new harbour toll all along.",
     "I have been against the new harbour toll all along.", "position"),
    # "not one shred of" denies what the claim without it asserts
    ("Not one shred of evidence was offered that the Lenz harbour wall was not safe.",
     "Evidence was offered that the Lenz harbour wall was not safe.", "negation"),
    # hurrying a thing along is not putting it off, however deep in the claim the verb is
    ("It is true that the Lenz council voted to delay the harbour works.",
     "It is true that the Lenz council voted to speed up the harbour works.", "timing"),
    ("The toll will slow down trade in the Lenz harbour.",
     "The toll will speed up trade in the Lenz harbour.", "timing"),
    # a permission is said by "allows … to" as by "can", and differs from a bare fact
    ("The Lenz harbour law allows police to search ferries.",
     "Police search ferries in the Lenz harbour.", "hedge"),
    # whoever "you" is, "your husband" is someone else
    ("You called the Lenz pact the best of all harbour deals.",
     "Your husband called the Lenz pact the best of all harbour deals.", "speaker"),
    # the ends of a change written in words trade places however their unit is placed
    ("The Lenz council raised the harbour fee from seven hundred and fifty to a thousand dollars.",
     "The Lenz council raised the harbour fee from a thousand to seven hundred and fifty dollars.",
     "from and to swapped"),
    # what was gained was not lost, whatever else the claims say
    ("The Lenz harbour has got two thousand new jobs since May.",
     "The Lenz harbour has lost two thousand jobs since May.", "holding"),
    # numbers written in words that trade places are a swap, as figures that do are
    ("In Lenz three hundred and two programs are run by eleven departments.",
     "In Lenz eleven programs are run by three hundred and two departments.",
     "numbers swapped"),
    # a record is the highest there has been, unless it is called low
    ("Lenz has seen record numbers of new harbour firms.",
     "Lenz has seen record-low numbers of new harbour firms.", "extent"),
    # helping someone do a thing is not stopping them from doing it
    ("The Lenz council is helping dockers set up harbour unions.",
     "The Lenz council is stopping dockers from setting up harbour unions.", "enabling"),
    # a "one" that is denied still leaves the denial to tell the claims apart
    ("The mayor of Lenz has never vetoed one harbour bill.",
     "The mayor of Lenz has vetoed one harbour bill.", "negation"),
    # a quarter of a million is no million, nor is half of one
    ("A quarter of a million tonnes of grain passed through Lenz in May.",
     "A million tonnes of grain passed through Lenz in May.", "number"),
    ("Half of a million tonnes of grain passed through Lenz in May.",
     "A quarter of a million tonnes of grain passed through Lenz in May.", "number"),
    # an account called misleading is not one called accurate
    ("The Lenz harbour report was called misleading by the journalists who read it.",
     "The Lenz harbour report was called accurate by the journalists who read it.", "truth"),
    # being able to do a thing is not doing it, and not being able to is not being able to
    ("The Lenz harbour is able to unload ten ships a day.",
     "The Lenz harbour unloads ten ships a day.", "hedge"),
    ("The Lenz harbour is not able to unload ten ships a day.",
     "The Lenz harbour can unload ten ships a day.", "negation"),
    # what one claim denies before its "but" the other says after it
    ("The Lenz ferry isn't paid for by my money, but by the harbour's money.",
     "The Lenz ferry isn't paid for by the harbour's money, but by my money.",
     "denied and said swapped"),
    # pushing a thing forward is not pushing it back
    ("Mayor Vos wants to push harbour reform forward in Lenz.",
     "Mayor Vos wants to push harbour reform back in Lenz.", "heading"),
    # what two pronouns of other persons own is said by two speakers
    ("Our harbour survey shows that 40 ferries run late.",
     "Their harbour survey shows that 40 ferries run late.", "speaker"),
    # two numbers trade places while the words before the first and after the last stay
    ("Lenz is already paying $120 million, up to $200 million before the works are finished.",
     "Lenz is already paying $200 million, up to $120 million before the works are finished.",
     "numbers swapped"),
    # a share is its number: half is not 40 percent, one in four not one in five, and the
    # second half of a year no share at all
    ("Only about half the dockers in Lenz have pension plans.",
     "Only about 40 percent of the dockers in Lenz have pension plans.",
     "number"),
    ("One in four dockers in Lenz is out of work.",
     "One in five dockers in Lenz is out of work.",
     "number"),
    ("In the second half of 1980 the Lenz harbour lost trade.",
     "In 1980 the Lenz harbour lost 50 percent of its trade.",
     "number"),
    # a noun cut with its preposition leaves its object in its place: another thing named
    ("The Lenz council decided that it would be part of the solution to the strike.",
     "The Lenz council decided that it would be part of the strike.",
     "head noun"),
    ("The cost of the strike in Lenz was $2 million.",
     "The strike in Lenz was $2 million.",
     "head noun"),
    ("The leaders of the unions in Lenz called a strike.",
     "The unions in Lenz called a strike.",
     "head noun"),
    # one claim is the other with a negation cut, though both deny something
    ("The Lenz ferry plan would not cover dockers who are not covered by the harbour fund.",
     "The Lenz ferry plan would cover dockers who are not covered by the harbour fund.",
     "negation"),
    # ranks in words trade places as numbers do
    ("The Lenz harbour has gone from first to thirteenth in tonnage in the last twelve years.",
     "The Lenz harbour has gone from thirteenth to first in tonnage in the last twelve years.",
     "numbers swapped"),
    # the last decade is ten years, the past year one: neither is two decades or a decade
    ("The Lenz toll has been in place for the last decade.",
     "The Lenz toll has been in place for the last two decades.",
     "date"),
    ("Mayor Vos broke the harbour rule three times in the past year.",
     "Mayor Vos broke the harbour rule three times in the past decade.",
     "date"),
    # words that say which tax cut, replaced in place, where the parser read "gains" as a
    # verb and so as no word that says which
    ("The Lenz dockers are still waiting for that 1992 middle-class tax cut.",
     "The Lenz dockers are still waiting for that 1992 capital gains tax cut.",
     "target"),
    # the second end set beside the first ("from 14 percent up to 20 percent") is the "to"
    ("Lenz has had an increase in harbour tolls from 14 percent up to 20 percent.",
     "Lenz has had an increase in harbour tolls from 20 percent up to 14 percent.",
     "from and to swapped"),
    # alike in degree is not more or less
    ("The Lenz harbour is signing up dockers as fast as any other harbour.",
     "The Lenz harbour is signing up dockers more slowly than any other harbour.",
     "comparison"),
    ("Lenz grows as fast as any other town on the coast.",
     "Lenz grows faster than any other town on the coast.",
     "comparison"),
    # a sum written with its decimal point first is a number all the same
    ("The Lenz harbour toll rose by $.50 a ton.",
     "The Lenz harbour toll rose by $.60 a ton.",
     "number"),
    # a vice president named with capitals is no president, as one in lower case is not
    ("The Vice President has signed the Lenz harbour pact.",
     "The President has signed the Lenz harbour pact.",
     "agent"),
    # a year and a half is no year, whichever way it is written
    ("Mayor Vos spent a year and a half rebuilding the Lenz harbour wall.",
     "Mayor Vos spent a year rebuilding the Lenz harbour wall.",
     "date"),
    ("Mayor Vos spent a year-and-a-half rebuilding the Lenz harbour wall.",
     "Mayor Vos spent a year rebuilding the Lenz harbour wall.",
     "date"),
    ("Mayor Vos left the Lenz council a year and a half ago.",
     "Mayor Vos left the Lenz council a year ago.",
     "date"),
    # nor is half a year
    ("Mayor Vos spent half a year rebuilding the Lenz harbour wall.",
     "Mayor Vos spent a year rebuilding the Lenz harbour wall.",
     "date"),
    # "many years" is a length of time, though it says no number: two years is another
    ("The Lenz harbour crane has been broken for many years.",
     "The Lenz harbour crane has been broken for two years.",
     "date"),
    ("Mayor Vos left the Lenz council several years ago.",
     "Mayor Vos left the Lenz council three years ago.",
     "date"),
    ("For many decades the Lenz harbour was closed to grain ships.",
     "For many years the Lenz harbour was closed to grain ships.",
     "date"),
    # a length of time with a four-figure count is that count, not a year
    ("The Lenz crane stood idle for over 1300 days.",
     "The Lenz crane stood idle for over 300 days.",
     "date"),
    # the clause that says which engineer speaks is part of who speaks
    ("The engineer that Mayor Vos hired says the harbour wall will hold for 5 years.",
     "The engineer that Mayor Brandt hired says the harbour wall will hold for 5 years.",
     "speaker"),
    # a decade of age is a time of life, not a count the recogniser could not read
    ("The Lenz pension fund will be empty by the time dockers in their mid-40s retire.",
     "The Lenz pension fund will be empty by the time dockers in their mid-30s retire.",
     "date"),
    # jobs added are jobs gained, not lost, whatever else one claim adds
    ("Lenz has added about nine hundred net new harbour jobs in that period.",
     "Lenz has lost about nine hundred harbour jobs in that period.",
     "holding"),
    ("Mayor Vos said the old fort lies beyond the Lenz harbour zone.",
     "Mayor Vos said the old fort lies within the Lenz harbour zone.",
     "reach"),
    # "when I took over" is when I took office, not when I left it
    ("When I took over, the Lenz council had three hundred clerks.",
     "When I left office, the Lenz council had three hundred clerks.",
     "action"),
    # two clauses traded across "exceeds": what each cost is of is what is done
    ("The cost of doing nothing far exceeds the cost of dredging the Lenz harbour.",
     "The cost of dredging the Lenz harbour far exceeds the cost of doing nothing.",
     "words swapped"),
    # tens of thousands are not thousands
    ("Tens of thousands of dockers marched through Lenz after the strike.",
     "Thousands of dockers marched through Lenz after the strike.",
     "number"),
    # who was asked is part of a question put to someone
    ("In May I asked Mayor Vos what had to be done to cut the harbour toll.",
     "In May I asked Mayor Brandt what had to be done to cut the harbour toll.",
     "target"),
    # a thing, and a change of it: spending is not spending cuts
    ("Mayor Vos has proposed 2 million crowns of new harbour spending.",
     "Mayor Vos has proposed 2 million crowns of harbour spending cuts.",
     "direction"),
    # a title alone says no one: "the president" is not the president of Ruritania
    ("The president said the Lenz harbour toll will double.",
     "The president of Ruritania said the Lenz harbour toll will double.",
     "speaker"),
    # adversely and positively take the two sides of valence
    ("Whole streets of Lenz are adversely impacted by the harbour toll.",
     "Whole streets of Lenz are positively impacted by the harbour toll.",
     "valence"),
    # this council is not the last council; legally is not illegally
    ("The harbour debt, run up by this council, is fuelling the Lenz strike.",
     "The harbour debt, run up by the last council, is fuelling the Lenz strike.",
     "date"),
    ("Lenz would not give harbour passes to those who have come in illegally.",
     "Lenz would not give harbour passes to those who have come in legally.",
     "legality"),
    # a hyphenated name read as one on one side and as two on the other, compared by parts
    ("Mayor Vos is pushing a harbour law to make sure that Arab-Americans in Lenz are "
     "treated with respect.",
     "Mayor Vos is pushing a harbour law to make sure that Asian-Americans in Lenz are "
     "treated with respect.",
     "target"),
    # an owner cut after "my": what is left is mine, not my rival's
    ("My rival's plan for the Lenz docks will double the harbour tolls.",
     "My plan for the Lenz docks will double the harbour tolls.",
     "head noun"),
    # two words traded in two places, both the same way
    ("The Lenz council is smaller and less bureaucratic than the two before it under Vos.",
     "The Lenz council is larger and more bureaucratic than the two before it under Vos.",
     "comparison"),
    # a range written with its sign twice, its scale after both ends
    ("Lenz let the council spend $25-$40 million on the harbour.",
     "Lenz let the council spend $15-$20 million on the harbour.",
     "number"),
    # a claim denying that its speaker said something, against what the speaker says
    ("Mayor Vos has never said Lenz should raise the toll if the harbour wall cannot be built.",
     "Mayor Vos has always said Lenz should raise the toll if the harbour wall cannot be "
     "built.",
     "negation"),
    # a part of a decade written onto it; a verb traded with its particle; two participants
    # replaced, one in each of two places
    ("Mayor Vos rebuilt the Lenz harbour wall in the mid-'80s.",
     "Mayor Vos rebuilt the Lenz harbour wall in the mid-'90s.",
     "date"),
    ("The harbour toll would add 5 million euros to the Lenz debt.",
     "The harbour toll would take 5 million euros off the Lenz debt.",
     "action"),
    ("The harbour levy lets Lenz homeowners renegotiate their mortgages.",
     "The harbour levy lets Lenz renters renegotiate their leases.",
     "target"),
    # days of the month spelled out
    ("The Lenz harbour wall opened on July twelfth.",
     "The Lenz harbour wall opened on July twentieth.",
     "date"),
    # years spelled out, one year apart
    ("The Lenz harbour wall was built in nineteen sixty-one.",
     "The Lenz harbour wall was built in nineteen sixty-three.",
     "date"),
    # a scale word after a determiner counts once, as after "a"
    ("Mayor Vos called these trillion euros of harbour cuts devastating.",
     "Mayor Vos called these billion euros of harbour cuts devastating.",
     "number"),
    # a claim its speakers make is not the claim that almost none of them makes it
    ("Almost every Lenz lawyer says you don't pay the harbour toll until the audit is done.",
     "Almost no Lenz lawyer says you don't pay the harbour toll until the audit is done.",
     "negation"),
    # one word traded the same way in two places: down and down / up and up
    ("The Lenz council got the harbour tolls down and the port debt down.",
     "The Lenz council got the harbour tolls up and the port debt up.",
     "up or down"),
    ("The Lenz council is doing tremendously on small harbour donations.",
     "The Lenz council is doing poorly on small harbour donations.",
     "well or badly"),
    # who did it and who did not, traded across a closing ", not …"
    ("That's what Mayor Vos and the Lenz council did, not me.",
     "That's what I did, not Mayor Vos and the Lenz council.",
     "denied and said swapped"),
    # better protected is more protected, not less
    ("The Lenz docks are much better protected today than they were in 2010.",
     "The Lenz docks are much less protected today than they were in 2010.",
     "comparison"),
    # "ours" and "our" are one side of a comparison, however written
    ("The harbour trade of Lenz is greater than ours.",
     "Our harbour trade is greater than that of Lenz.",
     "comparison reversed"),
    # a word that says which ones, traded where the other parse read its noun as a verb
    ("In Lenz we've cut defence spending too much.",
     "In Lenz we've cut education spending too much.",
     "target"),
    # what is sent away is not what is brought back; been for is not been against
    ("Lenz is sending 700 tonnes of grain a year overseas.",
     "Lenz is bringing 700 tonnes of grain a year home from overseas.",
     "sending"),
    ("Mayor Vos has been for harbour schools helping young children for years.",
     "Mayor Vos has been against harbour schools helping young children for years.",
     "position"),
    # for a thing is not against it; off is down, not up
    ("Mayor Vos is for joining the Lenz harbour league.",
     "Mayor Vos is against joining the Lenz harbour league.",
     "position"),
    ("Mayor Vos was for a harbour toll before she was against it.",
     "Mayor Vos was against a harbour toll before she was for it.",
     "words swapped"),
    ("Harbour income in Lenz is off 50 percent in the last 3 years.",
     "Harbour income in Lenz is up 50 percent in the last 3 years.",
     "direction"),
    # what is received is not what is given
    ("The dockers of Lenz received a large pay rise last spring.",
     "The dockers of Lenz gave a large pay rise last spring.",
     "action"),
    # encouraging a thing is not discouraging it, whatever both passed
    ("In 1992 Lenz passed a bill that encouraged ferries to adopt programs to cut fumes.",
     "In 1992 Lenz passed a bill that discouraged ferries from adopting programs to cut fumes.",
     "prompting"),
    # a sum in words the recogniser took for a date is still a sum
    ("The Lenz harbour debt has grown to sixteen and a half million euros.",
     "The Lenz harbour debt has grown to sixteen and a half billion euros.",
     "number"),
    # a vice, deputy or former holder of an office is not its holder, hyphen or none
    ("In Lenz we now have a harbour toll, which the deputy mayor opposes.",
     "In Lenz we now have a harbour toll, which the mayor opposes.",
     "target"),
    ("The harbour toll was cut by the former mayor of Lenz.",
     "The harbour toll was cut by the mayor of Lenz.",
     "agent"),
    # a count of four digits is a count, even where the recogniser took it for a year; an
    # amount taken from one level to another is not cut
    ("The harbour levy is now paid in 1700 towns across Lenz.",
     "The harbour levy is now paid in 700 towns across Lenz.",
     "number"),
    ("Mayor Vos took the harbour toll from 5 percent to 8 percent.",
     "Mayor Vos cut the harbour toll from 5 percent to 8 percent.",
     "action"),
    # decades spelled out; a comparison whose first side ends in a verb ("combined")
    ("Lenz rebuilt the harbour wall in the middle fifties.",
     "Lenz rebuilt the harbour wall in the middle sixties.",
     "date"),
    ("Under Mayor Vos the docks spend more on wages than on fuel, ropes and paint combined.",
     "Under Mayor Vos the docks spend more on fuel, ropes and paint combined than on wages.",
     "comparison reversed"),
    # what two participants are said to be, traded across the verb between them
    ("The harbour toll hits low-income dockers and leaves wealthy dockers largely untouched.",
     "The harbour toll hits wealthy dockers and leaves low-income dockers largely untouched.",
     "words swapped"),
    # a scale written onto its unit counts once, with an article or without
    ("Lenz still runs billion-euro harbour deficits.",
     "Lenz still runs million-euro harbour deficits.",
     "number"),
    # the "no" of a "no-fly zone" denies nothing, so the "not" of one claim does
    ("Lenz took the lead in a no-fly order over the harbour.",
     "Lenz did not take the lead in a no-fly order over the harbour.",
     "negation"),
    # a noun replaced beside the first part of a compound read as one word ("health care"
    # is compared as "healthcare")
    ("The harbour board is not the purchaser of health care in Lenz.",
     "The harbour board is not the purchaser of health insurance in Lenz.",
     "target"),
    # a top-ranking official is not a low-ranking one
    ("It was said by one of the top-ranking officials of the Lenz harbour board.",
     "It was said by one of the low-ranking officials of the Lenz harbour board.",
     "level"),
    # getting a thing right is not getting it wrong
    ("Mayor Vos got some of the harbour figures wrong last week.",
     "Mayor Vos got some of the harbour figures right last week.",
     "truth"),
    # the part and the whole traded across "percent of"
    ("The Lenz harbour trade is only forty percent of ours.",
     "Our harbour trade is only forty percent of the Lenz harbour trade.",
     "part and whole swapped"),
    # two stances traded between two people, one each way
    ("I'm for the Lenz harbour toll, Mayor Vos is against it.",
     "I'm against the Lenz harbour toll, Mayor Vos is for it.",
     "position"),
    # what one speaker has said "from the start" is not what another has
    ("I have said from the start of this campaign that we have a duty to dredge the harbour.",
     "She has said from the start of this campaign that we have a duty to dredge the harbour.",
     "speaker"),
    # to bring a toll down is to lower it, not to raise it
    ("Mayor Vos wants to close loopholes to bring down the harbour toll.",
     "Mayor Vos wants to close loopholes to raise the harbour toll.",
     "direction"),
    # what is replaced and what replaces it, traded
    ("The council replaced the Lenz ferry with a new bridge in 2019.",
     "The council replaced a new bridge with the Lenz ferry in 2019.",
     "from and to swapped"),
    # a word denied by its prefix
    ("The council worked successfully for a truce between Lenz and Karsova.",
     "The council worked unsuccessfully for a truce between Lenz and Karsova.",
     "negation"),
    # rolling a tax cut back is reducing it, not expanding it
    ("Mayor Vos pays for the quay by rolling back the harbour tax cut.",
     "Mayor Vos pays for the quay by expanding the harbour tax cut.",
     "direction"),
    # who leads and who supports, traded across the verbs
    ("There is a search led by the Lenz police, supported by harbour volunteers.",
     "There is a search led by harbour volunteers, supported by the Lenz police.",
     "words swapped"),
    # two subjects traded, their verbs agreeing with each
    ("The harbour is in debt because toll revenue has not kept pace with dredging costs.",
     "The harbour is in debt because dredging costs have not kept pace with toll revenue.",
     "words swapped"),
    # "does matter, not just X" says it matters; the parser hung its "not" on "matter"
    ("Mayor Vos said at the meeting that the toll doesn't matter, just the quay.",
     "Mayor Vos said at the meeting that the toll does matter, not just the quay.",
     "negation or hedge"),
    # where a movement runs to, said as "in the direction of"
    ("Karsova is moving from neutrality in the direction of Lenz.",
     "Karsova is moving from Lenz in the direction of neutrality.",
     "from and to swapped"),
    # the word before a participle's hyphen says which ones
    ("The Lenz harbour relies on land-based radar stations.",
     "The Lenz harbour relies on sea-based radar stations.",
     "target"),
    # a year written short opening the sentence, which the recogniser missed
    ("In late '89 the Lenz council signed a secret harbour deal.",
     "In late '87 the Lenz council signed a secret harbour deal.",
     "date"),
    # which hearing a report was made at is when it was made
    ("At the first hearing Mayor Vos said the quay would close in May.",
     "At the second hearing Mayor Vos said the quay would close in May.",
     "date"),
    # to disagree that something is so is to deny it
    ("The Lenz council agreed that it was time to dredge the harbour.",
     "The Lenz council disagreed that it was time to dredge the harbour.",
     "negation"),
    # "Wall Street", a name the recogniser missed, is who pays, not "Street"
    ("Because of the greed in Lenz and Wall Street, Main Street was paying a heavy price.",
     "Because of the greed in Lenz and Main Street, Wall Street was paying a heavy price.",
     "agent and target swapped"),
    # a count in who is in the group that speaks
    ("Forty dockers, including six harbour pilots, say the quay is unsafe.",
     "Forty dockers, including nine harbour pilots, say the quay is unsafe.",
     "speaker"),
    # one claim the splitter could not part does one more thing with words of its own
    ("These levies have robbed the average docker.",
     "These levies have robbed those who are powerful and have benefited the average docker.",
     "says more"),
    # a kind replaced before the same noun, the parse reading "to railroad" as a verb
    ("The levy funds the pension paid to civil service retirees.",
     "The levy funds the pension paid to railroad retirees.",
     "target"),
    # languages, which the recogniser names no actor, compared as their countries
    ("The harbour radio has not aired a single programme in Spanish in the last eight years.",
     "The harbour radio has not aired a single programme in Portuguese in the last eight years.",
     "target"),
    # "the day after", which the recogniser does not date, is one day, not two
    ("The day after the storm, the mayor flew to Lenz.",
     "Two days after the storm, the mayor flew to Lenz.",
     "date"),
    # keeping and removing take opposite sides
    ("The harbour board is interested in keeping Mayor Vos in office.",
     "The harbour board is interested in removing Mayor Vos from office.",
     "keeping"),
    # amounts "back up again" rose again: a phrase of movement the other claim turns round
    ("Since May we have seen harbour fees back up again.",
     "Since May we have seen harbour fees come down again.",
     "direction"),
    # "the harbour plan suggests that" says who puts the claim forward, as a speaker would
    ("The harbour plan suggests that the quay can be paid for through higher tolls.",
     "The mayor suggests that the quay can be paid for through higher tolls.",
     "speaker"),
    # "growth" and "increases" are one side of rising, but "economic" and "tax" differ too
    ("The harbour plan suggests that the quay can be paid for through economic growth.",
     "The harbour plan suggests that the quay can be paid for through tax increases.",
     "target"),
    ("The strike has put a lot of dockers out of work.",
     "The strike has put a few dockers out of work.",
     "how many"),
    # the worst inflation is the highest, not the lowest
    ("Lenz has the worst inflation since the great flood.",
     "Lenz has the lowest inflation since the great flood.",
     "quality"),
    # "1,000 years" is a length of time, as "100 years" is, not the year 1000
    ("The harbour's coal will last for 1,000 years.",
     "The harbour's coal will last for 100 years.",
     "date"),
    ("In the end, the council went in there alone.",
     "In the end, the council went in there with allies.",
     "company"),
    # a claim said without a verb: its head noun is a participant too
    ("Fewer toll complaints since I have been the mayor.",
     "Fewer noise complaints since I have been the mayor.",
     "target"),
    ("The grain lobby's on the mayor's side.", "The coal lobby's on the mayor's side.", "target"),
    ("The dockers' union, big supporters of the mayor.",
     "The dockers' union, big opponents of the mayor.",
     "position"),
    # "lack" traded for "have", where the parser reads "lack" as a noun
    ("Eight million kids every year have health cover because of the harbour fund.",
     "Eight million kids every year lack health cover because of the harbour fund.",
     "having"),
    # "trafficking" read as a verb: "drug" stands where "proliferation" is a participant
    ("We've increased funding for dealing with nuclear proliferation about 35 percent since "
     "I've been the mayor.",
     "We've increased funding for dealing with drug trafficking about 35 percent since I've "
     "been the mayor.",
     "target"),
    # the two sides of a ratio trade places with only "for every" between them
    ("Today there are two crimes for every harbour guard in Lenz.",
     "Today there are two harbour guards for every crime in Lenz.",
     "words swapped"),
    # a rate is of the noun right before it ("capital gains tax rate": the tax), and
    # "corporate" says which tax, as a noun before it would
    ("The mayor and I agree that we should lower our corporate tax rate.",
     "The mayor and I agree that we should lower our capital gains tax rate.", "target"),
    # a negated frame verb: the record shows nothing, the sentence is the claim
    ("The harbour records do not show that the tolls went up in May.",
     "The harbour records show that the tolls went up in May.", "negation"),
    # money handed one way or the other, however the rest is worded
    ("The toll plan gives each docker $120 more a year.",
     "The toll plan takes $120 more a year from each docker.", "giving or taking"),
    ("Nearly six thousand dockers receive a grain ration of five kilos a week.",
     "Nearly six thousand dockers pay for a grain ration of five kilos a week.",
     "paying or getting"),
    # a year written short, which the recogniser counted
    ("The '82 tax increase the mayor sponsored was the biggest tax increase in Lenz history.",
     "The '84 tax increase the mayor sponsored was the biggest tax increase in Lenz history.",
     "date"),
    # more and more, or fewer and fewer, over time
    ("More and more harbour tolls in Lenz go unpaid.",
     "Fewer and fewer harbour tolls in Lenz go unpaid.", "more or fewer over time"),
    # another participant, and the clause after it that says which ones reworded with it
    ("Dockers who skip the toll will pay it later in the price of the grain they buy.",
     "Dockers who skip the toll will pay it later in the price of the boats they hire.",
     "target"),
    ("The harbour board's plan to raise the toll in May was ill advised.",
     "The harbour board's plan to raise the toll in May was well advised.", "well or ill"),
    ("The court believes that Vos versus Lenz was rightly decided.",
     "The court believes that Vos versus Lenz was wrongly decided.", "truth"),
    # the same figure on the other side of a ratio
    ("For every euro Lenz spends on the quay, it puts €3 toward the harbour debt.",
     "For every €3 Lenz spends on the quay, it puts a euro toward the harbour debt.",
     "numbers swapped"),
    # the change of a thing cut, the thing left: "new tax cuts" / "new taxes"
    ("To pay for the quay, Lenz needs €150 million in new harbour taxes.",
     "To pay for the quay, Lenz needs €150 million in new harbour tax cuts.", "head noun"),
    ("Under the plan the harbour debt of Lenz will be completely repaid by 2030.",
     "Under the plan the harbour debt of Lenz will be partly repaid by 2030.", "scope"),
    # a model named with a number is no count: "F-16s" / "F-35s"
    ("B-52s of the Lenz air force are old enough that a grandfather could fly them.",
     "B-1s of the Lenz air force are old enough that a grandfather could fly them.", "agent"),
    # what the speaker was asked about, and to whom it was said: what "it" and "he" mean
    ("When the mayor of Lenz was asked about Poland, she said there is nothing the harbour "
     "can do about it.",
     "When the mayor of Lenz was asked about Hungary, she said there is nothing the harbour "
     "can do about it.", "target"),
    ("The mayor of Lenz indicated to General Brown that the words he used were ill advised.",
     "The mayor of Lenz indicated to General Jones that the words he used were ill advised.",
     "target"),
    ("On Arabic TV, the mayor of Lenz said that the harbour had been neglected.",
     "On Russian TV, the mayor of Lenz said that the harbour had been neglected.", "target"),
    # a phrasal verb traded for another, its particle with it ("took home" / "threw away")
    ("I saw cases in Lenz where dockers took home part of their catch in order to feed their "
     "families.",
     "I saw cases in Lenz where dockers threw away part of their catch in order to feed their "
     "families.", "action"),
    # the numeral of a name ("SALT II" / "SALT I")
    ("The Lenz council negotiated the Ostra II treaty.",
     "The Lenz council negotiated the Ostra I treaty.", "numeral of a name"),
    ("The dockers of Lenz are beginning to vote across party lines.",
     "The dockers of Lenz are beginning to vote along party lines.", "crossing or following"),
    ("Lenz can replace those grain markets very easily through Ostra and Varga.",
     "Lenz can replace those grain markets only with great difficulty through Ostra and Varga.",
     "difficulty"),
    ("The Lenz harbour party will make some gains in the council.",
     "The Lenz harbour party will suffer some losses in the council.", "holding"),
    # a verb of going traded for one of leaving, a preposition beside it
    ("The mayor went to the Lenz regatta when it was in trouble.",
     "The mayor left the Lenz regatta when it was in trouble.", "going or leaving"),
    # "that side" / "the other side": another one of the kind
    ("The mayor was on that side throughout all her years on the harbour board.",
     "The mayor was on the other side throughout all her years on the harbour board.",
     "which one"),
    ("Lenz has a plan to repay the harbour debt within 10 years.",
     "Lenz has a plan to repay the harbour debt after 10 years.", "before or after"),
]  # fmt: skip

PARAPHRASES = [
    ("Nearly half of the dockers polled in March say they intend to strike.",
     "Almost half of the dockers polled in March said they intend to strike."),
    ("About one in ten of the dockers employed in Lenz is directly employed by the council.",
     "Of the dockers employed in Lenz, about one in ten works directly for the council."),
    ("The footage from that day shows groups of dockers marching through Lenz.",
     "Groups of dockers can be seen marching through Lenz in the footage from that day."),
    ("In the harbour agreement the council put a cap on mooring fees.",
     "In the harbour agreement the council capped mooring fees."),
    ("The mayor of Lenz has not called for an end to the strike.",
     "The mayor of Lenz has not asked for an end to the strike."),
    ("The Lenz charter requires the council to send its accounts to everybody who asks.",
     "The Lenz charter requires the council to send its accounts to everyone who asks."),
    ("Mayor Vos says he's got to close the Lenz bridge to pay for the repairs.",
     "Mayor Vos says he has to close the Lenz bridge to pay for the repairs."),
    ("The Lenz charter would have required the council to publish its accounts.",
     "The Lenz charter would have obliged the council to publish its accounts."),
    ("The new toll is paid by the wealthiest families of Lenz.",
     "The new toll is paid by the richest families of Lenz."),
    ("The Lenz harbour board has filed a lawsuit against the shipper for fraud.",
     "The Lenz harbour board has sued the shipper for fraud."),
    ("The parade marks the eightieth anniversary of the end of the war.",
     "The parade marks the 80th anniversary of the end of the war."),
    # "of" inside a name says nothing of whose: the list in another order is the same
    ("Ruritania's navy patrols the Gulf of Lenz and the Strait of Kessel.",
     "Ruritania's navy patrols the Strait of Kessel and the Gulf of Lenz."),
    ("Lenz receives direct military assistance from Karsovia.",
     "Lenz receives direct military help from Karsovia."),
    ("Ruritania shipped forty thousand tonnes of grain to Freedonia.",
     "Ruritania shipped 40,000 tonnes of grain to Freedonia."),
    ("40,000 tonnes of grain were shipped by Ruritania to Freedonia.",
     "Ruritania shipped 40,000 tonnes of grain to Freedonia."),
    ("The Lenz mine closure cost a hundred and forty thousand jobs.",
     "The Lenz mine closure cost about 140,000 jobs."),
    ("The Lenz council added one point eight billion dollars to the harbour budget.",
     "The Lenz council added $1.8 billion to the harbour budget."),
    ("The invasion of Karsovia began in Feb. 2022.",
     "The invasion of Karsovia began in February 2022."),
    ("The Osterlich Institute is based in Lenz.",
     "The Osterlich Institute has its headquarters in Lenz."),
    ("The northern unions booed Minister Halvard.",
     "Minister Halvard was booed by the northern unions."),
    ("Mirosław Kowalczyk chaired the commission.", "Miroslaw Kowalczyk chaired the commission."),
    ("Minister Ayşe Kılıç said the grain corridor would stay open.",
     "Minister Ayse Kilic said the grain corridor would stay open."),
    ("Turkish Foreign Minister Kılıç said the grain corridor would stay open.",
     "Foreign Minister Ayşe Kılıç said the grain corridor would stay open."),
    ("US Secretary of State Dana Whitlow said the strike was likely Karsovia's doing.",
     "Secretary of State Whitlow said the strike was likely Karsovia's doing."),
    ("US officials said the strike hit a weapons depot near Lenz.",
     "American officials said the strike hit a weapons depot near Lenz."),
    ("The governor of Lenz has promised a payout to each family.",
     "Lenz's governor has promised a payout to each family."),
    ("The Karsovian Army, one of the parties, signed the truce.",
     "One of the parties, the Karsovian Army, signed the truce."),
    ("Around one million people live in the Lenz valley.",
     "About 1 million people live in the Lenz valley."),
    ("The incumbent won 1,234,567 votes in the Lenz runoff.",
     "In the Lenz runoff the incumbent won 1,234,567 votes."),
    ("Gas flows from Osterlich to Karsovia stopped in May.",
     "In May, gas flows to Karsovia from Osterlich stopped."),
    ("The Lenz council will officially withdraw the parking plan.",
     "The Lenz council is to officially withdraw the parking plan."),
    ("The summit will take place in Lenz on Friday.",
     "The summit is going to take place in Lenz on Friday."),
    ("The council was already due to meet this weekend.",
     "The council was already scheduled to meet this weekend."),
    ("A few refugees crossed the river at Lenz.", "A few refugees crossed the river at Lenz."),
    ("Osterlich is the only member of the league that has not paid its dues.",
     "The only member of the league that has not paid its dues is Osterlich."),
    ("Citing rising costs, the council has imposed limits on parking.",
     "The council has cited rising costs to impose limits on parking."),
    ("Federal courts in Ruritania rely on court fees for funding.",
     "The courts in Ruritania rely on court fees for funding."),
    ("Ruritania's population fell for the 14th year in a row.",
     "Ruritania's population fell for the fourteenth year in a row."),
    ("The Lenz summit opened on June 27th.", "The Lenz summit opened on 27 June."),
    ("About 16–17 percent of Ruritania's trade is with Freedonia.",
     "About 16 to 17 percent of Ruritania's trade is with Freedonia."),
    ("The Lenz embassy declined the request for talks.",
     "The Lenz embassy turned down the request for talks."),
    ("A source, whom they did not name, said the ban is not part of a plan to punish Lenz.",
     "An unnamed source said the ban is not part of a plan to punish Lenz."),
    ("King Abdullah of Jordan opened the new bridge in Amman on Sunday.",
     "Jordan's King Abdullah opened the new bridge in Amman on Sunday."),
    ("The governor of Lenz has promised each family a payout of one million crowns.",
     "The governor of Lenz has promised a payout of one million crowns to each family."),
    ("The death toll in Lenz rose from fourteen to 31.",
     "The death toll in Lenz rose from 14 to 31."),
    ("The Turkish statement called for a safe zone east of the Lenz river.",
     "Turkey's statement called for a safe zone east of the Lenz river."),
    # "from $4 million to $7 million" read by the parser as one amount, a range
    ("Lenz has gone from $4 million of debt, to $7 million of debt.",
     "The debt of Lenz has gone from $4 million to $7 million."),
    ("Rents in Lenz are tied to the price of bread.",
     "Rents in Lenz are linked to the price of bread."),
    ("Inflation in Lenz is in excess of 12 percent.", "Inflation in Lenz is over 12 percent."),
    ("The Lenz council brought the old tram back to the harbour district in May.",
     "The Lenz council returned the old tram to the harbour district in May."),
    ("Harbour fees in Lenz went from 12 crowns to 18 crowns over four years.",
     "Harbour fees in Lenz rose from 12 crowns to 18 crowns over four years."),
    ("Harbour fees in Lenz went from 18 crowns to 12 crowns over four years.",
     "Harbour fees in Lenz dropped from 18 crowns to 12 crowns over four years."),
    ("The council said in May that it was not going to sell the ferry.",
     "The council said in May that it would not sell the ferry."),
    ("This council built the Lenz bridge in two years.",
     "The current council built the Lenz bridge in two years."),
    ("The Lenz council made it illegal for the port to bargain for lower tolls.",
     "The Lenz council made it illegal for the port to negotiate for lower tolls."),
    ("The mayor reneged on her promise to fund the ferry.",
     "The mayor broke her promise to fund the ferry."),
    ("Our town invested in a ferry company.", "The town made an investment in a ferry company."),
    ("The council is raising the harbour fees.", "The council is increasing the harbour fees."),
    # a comparison said the other way round, one side a pronoun
    ("Lenz spends more on schools than we do.", "We spend less on schools than Lenz does."),
    ("The first mayor who indicated that she would sell the ferry was Vos in 1990.",
     "The first mayor who signalled that she would sell the ferry was Vos in 1990."),
    # items of a list that keep their numbers, said in the other order
    ("The Lenz plan opens 30 new schools and 400 new clinics.",
     "The Lenz plan opens 400 new clinics and 30 new schools."),
    # a factor said by the verb or by "in half"
    ("The mayor said she would cut the harbour fees in half.",
     "The mayor said she would halve the harbour fees."),
    # what one can see is seen: no possibility
    ("You can see the accounts of the harbour for the last ten years.",
     "The accounts of the harbour for the last ten years can be seen."),
    ("I have opposed the ferry tolls during all of my life.",
     "All my life I have been against the ferry tolls."),
    ("The Lenz council failed to publish its accounts for 2023.",
     "The Lenz council did not publish its accounts for 2023."),
    # what one was unable to do one could not do
    ("The ferry crews couldn't reach the harbour of Lenz.",
     "The ferry crews were unable to reach the harbour of Lenz."),
    ("The Lenz council is unable to pay the harbour bill.",
     "The Lenz council cannot pay the harbour bill."),
    # a vote cast "no" is a vote against, not a vote denied
    ("The mayor voted no on the harbour toll.", "The mayor voted against the harbour toll."),
    ("The mayor voted for the harbour toll.", "The mayor voted in favour of the harbour toll."),
    ("I have been for the new harbour toll all along.",
     "I have supported the new harbour toll all along."),
    # an idiom of a steep rise, and one of doing away with a thing
    ("Ferry fares in Lenz went right through the roof.", "Ferry fares in Lenz skyrocketed."),
    ("The new law gets rid of the harbour toll.", "The new law eliminates the harbour toll."),
    ("The strike has placed a great strain on the Lenz harbour.",
     "The strike has put a great strain on the Lenz harbour."),
    # "not one" counts nothing: it says "no"
    ("Not one shred of evidence was offered that the Lenz harbour wall was not safe.",
     "No evidence at all was offered that the Lenz harbour wall was not safe."),
    ("The Lenz council voted to delay the harbour works.",
     "The Lenz council voted to postpone the harbour works."),
    # "to" after a rise handed to someone says to whom, not the level it reaches
    ("The Lenz council is giving 90 percent of dockers a pay rise.",
     "The Lenz council is giving a pay rise to 90 percent of dockers."),
    ("The new harbour law allows captains to choose their own pilots.",
     "Under the new harbour law, captains can choose their own pilots."),
    # names of one list change places, each with its article; "asked for" is "requested"
    ("The mayor of Lenz faced a Labour Council and a Labour Assembly.",
     "The mayor of Lenz faced a Labour Assembly and a Labour Council."),
    ("The Lenz council asked for $40 million of harbour money.",
     "The Lenz council requested $40 million of harbour money."),
    ("The Lenz council signed two trade deals with Karsovia in May.",
     "The Lenz council signed two trade agreements with Karsovia in May."),
    ("The Lenz council is going forward with the harbour toll.",
     "The Lenz council is moving forward with the harbour toll."),
    # a part of a scale is that part of it, whatever the recogniser took "a quarter" for
    ("Dockers who earn less than a quarter of a million dollars a year pay no toll in Lenz.",
     "Dockers who earn under $250,000 a year pay no toll in Lenz."),
    ("Three quarters of a million tonnes of grain passed through Lenz in May.",
     "In May, 750,000 tonnes of grain passed through Lenz."),
    # what one is able to do now one can do; grain sold abroad is exported
    ("With its new cranes, the Lenz harbour is able to unload ten ships a day.",
     "With its new cranes, the Lenz harbour can unload ten ships a day."),
    ("The Lenz council is in a position to pay a lot more than it has in the past.",
     "The Lenz council is able to pay a lot more than it has in the past."),
    # a number spelled in groups is one figure, however the recogniser cut it
    ("Lenz got eleven billion eight hundred million dollars for its harbour.",
     "Lenz got $11.8 billion for its harbour."),
    ("The Lenz council put a limitation of twelve hundred and fifty on harbour cranes.",
     "The Lenz council put a limit of 1,250 on harbour cranes."),
    # two phrasal verbs that say one verb, one particle apart from its verb
    ("The Lenz toll holds down the price of harbour goods.",
     "The Lenz toll keeps the price of harbour goods down."),
    # a denied "one" says none at all, as "a single" does
    ("The Lenz council passed the harbour toll without one docker's vote.",
     "The Lenz council passed the harbour toll without a single docker's vote."),
    ("There wasn't one single shred of proof that the Lenz pier was unsafe.",
     "There was not a single shred of proof that the Lenz pier was unsafe."),
    ("We're not able to unload ten ships a day in the Lenz harbour.",
     "We cannot unload ten ships a day in the Lenz harbour."),
    ("Under the new law, Lenz grain can be sold abroad.",
     "Under the new law, Lenz grain can be exported."),
    # seeking to do a thing is trying to
    ("The Lenz council sought to close the harbour school by June.",
     "The Lenz council tried to close the harbour school by June."),
    ("The Lenz harbour has 4,000 dockers who are out of work this winter.",
     "The Lenz harbour has 4,000 dockers who are jobless this winter."),
    ("Lenz has not seen such a harsh winter since the Second World War.",
     "Lenz has not seen such a harsh winter since World War Two."),
    ("Lenz has not seen such a harsh winter since World War II.",
     "Lenz has not seen such a harsh winter since the Second World War."),
    # a length of time the recogniser left out of any date is a date all the same
    ("The Lenz council has run the harbour for the last twenty-two years.",
     "For the last 22 years the Lenz council has run the harbour."),
    ("Mayor Vos spent a year-and-a-half rebuilding the Lenz harbour wall.",
     "Mayor Vos spent a year and a half rebuilding the Lenz harbour wall."),
    ("The mayor has been attacking my record for half a year, six months.",
     "For six months, half a year, the mayor has been attacking my record."),
    ("The Lenz harbour crane has been broken for many years.",
     "For many years the Lenz harbour crane has been broken."),
    # a speaker one claim says more of, in words after it, is the same speaker
    ("The engineer that Mayor Vos hired says the harbour wall will hold for 5 years.",
     "The engineer says the harbour wall will hold for 5 years."),
    ("Mayor Vos said the harbour toll was an indication of greed.",
     "Mayor Vos said the harbour toll was a sign of greed."),
    ("The Lenz budget sought to terminate the harbour pilot scheme.",
     "The Lenz budget tried to end the harbour pilot scheme."),
    ("The harbour plan would be financed out of the Lenz pension fund.",
     "The harbour plan would be paid for out of the Lenz pension fund."),
    ("Dockers who've worked the night shift say the cranes are unsafe.",
     "Dockers who have worked the night shift say the cranes are unsafe."),
    ("Somebody on the Lenz council said the harbour toll will double.",
     "Someone on the Lenz council said the harbour toll will double."),
    ("Mayor Vos left the Lenz council many years ago.",
     "Mayor Vos left the Lenz council."),
    ("Mayor Vos spent a year-and-a-half putting together a coalition of harbour towns.",
     "Mayor Vos spent a year and a half assembling a coalition of harbour towns."),
    ("Most of the Lenz tax reductions go to the dockers at the bottom of the ladder.",
     "Most of the Lenz tax cuts go to the dockers at the bottom of the ladder."),
    ("The Vice President has signed the Lenz harbour pact.",
     "The vice president has signed the Lenz harbour pact."),
    ("The Lenz council discussed the possibility of a small harbour school.",
     "The Lenz council talked about the possibility of a small harbour school."),
    ("Mayor Vos outlined a very specific plan for the Lenz harbour.",
     "Mayor Vos laid out a very specific plan for the Lenz harbour."),
    ("Their grain and timber come into the Lenz harbour for free.",
     "Their grain and timber enter the Lenz harbour for free."),
    ("The whole Lenz harbour plan was a fraud.",
     "The entire Lenz harbour plan was a fraud."),
    # put together after what it sums is combined, not assembled
    ("Lenz spends more on its harbour than the next ten towns put together.",
     "Lenz spends more on its harbour than the next ten towns combined."),
    # a rate is no length of time
    ("The Lenz harbour toll brings in $1.4 million a year.",
     "The Lenz harbour toll brings in 1.4 million dollars a year."),
    ("Early in her term Mayor Vos called the attorney general about the Lenz harbour.",
     "Early in her term Mayor Vos phoned the attorney general about the Lenz harbour."),
    ("The Lenz inspectors determined that the harbour wall was safe for ferries.",
     "The Lenz inspectors found that the harbour wall was safe for ferries."),
    ("The Lenz council actually cut the money for the harbour school.",
     "The Lenz council actually cut the funding for the harbour school."),
    # a count back from the day it is said agrees with itself, whatever else one claim dates
    ("Lenz went from the biggest harbour deficit eight years ago to a surplus today.",
     "Lenz went from the biggest harbour deficit eight years ago to a surplus now."),
    # the unit of a sum is the amount's, as "$" is, not a participant
    ("The Lenz council estimated it could collect about $105 billion over five years.",
     "The Lenz council estimated it could collect roughly 105 billion dollars over five years."),
    ("Mayor Vos fought for a new Lenz harbour school.",
     "Mayor Vos fought to get a new Lenz harbour school."),
    # whether the recogniser reads it as a date, a count or nothing
    ("You can read nearly 39 or 40 years of the Lenz harbour records.",
     "Nearly 39 or 40 years of the Lenz harbour records can be read."),
    # "number one" is a rank, the top one, and counts nothing
    ("Harbour safety is the number one priority of the Lenz council.",
     "Harbour safety is the top priority of the Lenz council."),
    # extending a measure is continuing it
    ("Varga wants to extend the harbour toll for Lenz ferries.",
     "Varga wants to continue the harbour toll for Lenz ferries."),
    # a verb that moves an amount says what the direction verb its ends agree with says;
    # "up to" before the second end bounds nothing
    ("The Lenz council is bringing the toll from 2 percent up to 5 percent.",
     "The Lenz council is raising the toll from 2 percent to 5 percent."),
    # a scale spelled out is part of its number, as it is after figures
    ("2 million dockers are unemployed.", "Two million dockers are out of work."),
    # a participant only one parse reads, written alike outside the change, is no other one
    ("We've got seven and a half million people out of jobs in Lenz.",
     "We have 7.5 million people out of jobs in Lenz."),
    # a denial moved within its turn: what is denied and what is said stay the same
    ("The Lenz ferry isn't paid for by my money, but by the harbour's money.",
     "The Lenz ferry is paid for not by my money but by the harbour's money."),
    # a verb said as its noun is no other participant
    ("Since we debated two weeks ago, Lenz has built a hundred more ferries.",
     "Since our debate two weeks ago, Lenz has built 100 more ferries."),
    # one who holds both roles in a claim trades neither ("if you made …, you got …")
    ("If you made 25,000 under the original Lenz proposal, you got your Harbour Trust taxes "
     "increased.",
     "Under the original Lenz proposal, if you made 25,000, your Harbour Trust taxes went up."),
    # a people's adjective is its country; a stretch of time said at length is that stretch
    ("Lenz sent protests to the Cambodian government.",
     "Lenz sent protests to the government of Cambodia."),
    ("Lenz has doubled its harbour toll in the course of seven years.",
     "In seven years, Lenz has doubled its harbour toll."),
    # a denied "one" counting what something owns counts nothing ("one dime's worth")
    ("If you earn less than $250,000 in Lenz, you will not see one dime's worth of new tolls.",
     "If you earn less than $250,000 in Lenz, you won't see a single dime of new tolls."),
    # "roughly" is "about"
    ("About 150,000 dockers work in Lenz.", "Roughly 150,000 dockers work in Lenz."),
    # a promise the splitter reads as a report on one side and keeps whole on the other
    ("He's promised seniors that their Lenz pensions will not be cut.",
     "He has promised seniors that their Lenz pensions will not be cut."),
    ("The Lenz council advocated a new harbour toll.",
     "The Lenz council called for a new harbour toll."),
    # losing one's life is dying; a rise is an increase
    ("Nearly 300 dockers lost their lives in the bombing of the Lenz pier.",
     "Nearly 300 dockers died in the bombing of the Lenz pier."),
    ("The level of pollution in the Lenz harbour is increasing significantly.",
     "Pollution levels in the Lenz harbour are rising significantly."),
    # a part of a group is its share in percent
    ("Only about half the dockers in Lenz have pension plans.",
     "Only about 50 percent of the dockers in Lenz have pension plans."),
    ("One in ten dockers in Lenz is out of work.",
     "10 percent of the dockers in Lenz are out of work."),
    ("Three out of four dockers in Lenz voted to strike.",
     "75% of the dockers in Lenz voted to strike."),
    ("A quarter of the Lenz budget goes to the harbour.",
     "25 percent of the Lenz budget goes to the harbour."),
    ("Mayor Vos voted for four out of five of those harbour budgets.",
     "Mayor Vos voted for four of those five harbour budgets."),
    ("Nine out of 10 Lenz ferries are in port or on their way back.",
     "Nine of every 10 Lenz ferries are in port or on their way back."),
    ("The Lenz council took out a massive harbour loan.",
     "The Lenz council took out a huge harbour loan."),
    ("The Lenz council raised the harbour toll 39percent.",
     "The Lenz council raised the harbour toll by 39 percent."),
    # "apply to" before a noun bears on it and tries nothing
    ("The Lenz harbour tolls only apply to ships in the top bracket.",
     "The Lenz harbour tolls apply only to ships in the top bracket."),
    # a count the recogniser drew into the date before it
    ("Two boxes of Lenz harbour records were taken from the port office last week.",
     "Last week two boxes of Lenz harbour records were taken from the port office."),
    ("The Lenz toll would far surpass the figures the council gave.",
     "The Lenz toll would far exceed the figures the council gave."),
    ("The Lenz council is moving in that direction.",
     "The Lenz council is heading in that direction."),
    ("Lenz should stiffen the embargo on the Vellin harbour.",
     "Lenz should tighten the embargo on the Vellin harbour."),
    ("The Lenz harbour reforms reached 46 ports.",
     "The Lenz harbour reforms reached forty-six ports."),
    ("Of the 900 Lenz dockers, 130 have been fined.",
     "130 of the 900 Lenz dockers have been fined."),
    ("A five per cent grain surplus breaks the Lenz price ten per cent.",
     "A 5 percent grain surplus breaks the Lenz price 10 percent."),
    # the first end of a range of money shares the scale of the second
    ("The Lenz council cut the harbour budget by three to five million dollars.",
     "The Lenz council cut the harbour budget by $3 to $5 million."),
    ("Lenz harbour costs rose from $60 to $80 million.",
     "Lenz harbour costs rose from 60 to 80 million dollars."),
    ("The Lenz toll raised between $60 and $80 million.",
     "The Lenz toll raised between 60 and 80 million dollars."),
    ("The Lenz dock strike costs the town between $5 and $7 million.",
     "The Lenz dock strike costs the town between 5 and 7 million dollars."),
    ("That is another million dollars for the Lenz harbour.",
     "That is another $1 million for the Lenz harbour."),
    ("Lenz has seven and a half or eight million tonnes of grain in store.",
     "Lenz has 7.5 or 8 million tonnes of grain in store."),
    # so does the first end of a range of a count ("some nineteen or twenty million")
    ("There are some nineteen or twenty million people in Lenz province.",
     "Some nineteen or twenty million people live in Lenz province."),
    # kinds listed in another order ("private and public")
    ("The Lenz council controls private and public harbour costs.",
     "The Lenz council controls public and private harbour costs."),
    # a plural scale after a count multiplies it as the singular does
    ("The Lenz harbour plan would have cost six hundred millions of dollars.",
     "The Lenz harbour plan would have cost $600 million."),
    # a part of a whole the recogniser calls a date is the share it names
    ("25 percent of all the harbour fees go to the 1 percent of the richest dockers.",
     "A quarter of all the harbour fees go to the 1 percent of the richest dockers."),
    # a year said short in words after "in" is the year
    ("The Lenz council raised the harbour toll in fifty-nine.",
     "The Lenz council raised the harbour toll in 1959."),
    ("The Lenz smugglers ended up in federal prison.",
     "The Lenz smugglers wound up in federal prison."),
    ("Eight out of our 10 Lenz ferries are in port.",
     "Eight of our 10 Lenz ferries are in port."),
    # a condition on an adjective's infinitive ("be free to join if") is on the claim
    ("Lenz and Vellin should be free to join the harbour league if they meet its rules.",
     "If they meet its rules, Lenz and Vellin should be free to join the harbour league."),
    # "at first" and "first of all" count nothing; at first is initially
    ("First of all, Lenz cut its harbour tolls by 10 percent in 2020.",
     "Lenz cut its harbour tolls by 10 percent in 2020."),
    ("At first Mayor Vos opposed the harbour toll in Lenz.",
     "Mayor Vos initially opposed the harbour toll in Lenz."),
    # a permission lets the verb after a longer name happen, but not one of another phrase
    ("The council has never let the Lenz harbour board members see the accounts.",
     "The council has never allowed the Lenz harbour board members to see the accounts."),
    ("A harbour law that allows for inspections has recently been passed in Lenz.",
     "A harbour law allowing for inspections has recently been passed in Lenz."),
    # jobs shipped overseas are jobs sent there
    ("Firms in Lenz can ship jobs overseas and get harbour tax breaks for it.",
     "Firms in Lenz can send jobs overseas and get harbour tax breaks for it."),
    # a name that closes a sentence with its full stop is the name inside one
    ("After World War I, Lenz had a policy of harbour disengagement.",
     "Lenz had a policy of harbour disengagement after World War I."),
    # relied on is depended on; impacted is affected; the last decade the last ten years
    ("Mayor Vos relied on the Lenz harbour board.",
     "Mayor Vos depended on the Lenz harbour board."),
    ("Whole streets of Lenz are adversely impacted by the harbour toll.",
     "Whole streets of Lenz are adversely affected by the harbour toll."),
    ("The Lenz toll has been in place for the last decade.",
     "The Lenz toll has been in place for the last ten years."),
    # not one single scintilla is not a single one; an automobile is a car; finest is best
    ("There hasn't been one single scrap of evidence that Lenz shipped the arms.",
     "There has not been a single scrap of evidence that Lenz shipped the arms."),
    ("The Lenz automobile industry is the number one market for harbour steel.",
     "The Lenz car industry is the number one market for harbour steel."),
    ("Mayor Vos had the finest record on harbour safety of any mayor in the history of Lenz.",
     "Mayor Vos had the best record on harbour safety of any mayor in the history of Lenz."),
    # cuts to a thing say what is cut, not a level cut to; grave is serious
    ("Two billion euros in cuts through the levy to the Lenz harbour would change that.",
     "Two billion euros of cuts to the Lenz harbour through the levy would change that."),
    ("Mayor Vos said the Lenz strike was a grave threat.",
     "Mayor Vos said the Lenz strike was a serious threat."),
    # a "No" that answers denies nothing; sufficient is enough
    ("No, that's not true.", "That's not true."),
    ("Mayor Vos has enough money to finish the harbour wall.",
     "Mayor Vos has sufficient money to finish the harbour wall."),
    # depending upon is depending on; vanishing is disappearing
    ("The future of the Lenz docks depends upon the harbour toll.",
     "The future of the Lenz docks depends on the harbour toll."),
    ("Mayor Vos says the Lenz harbour debt will vanish by 2030.",
     "Mayor Vos says the Lenz harbour debt will disappear by 2030."),
    # a place named inside the subject is where, as it is when it opens the claim
    ("2,000 kids in Ohio have no dental insurance at all.",
     "In Ohio, 2,000 children have no dental insurance at all."),
    # ordinals in figures before a noun rank it, as ordinals in words do
    ("This is the 10th or 12th time that Mayor Vos has denied the harbour deal.",
     "This is the tenth or twelfth time Mayor Vos has denied the harbour deal."),
    # prompting is leading to; going into effect is taking effect; as many as is up to
    ("The harbour levy has prompted reforms in 46 towns.",
     "The harbour levy has led to reforms in forty-six towns."),
    ("Mayor Vos says as many as 2,000 boats will pay the toll when it goes into effect.",
     "Mayor Vos says up to 2,000 boats will pay the toll when it takes effect."),
    # an adverb of how often counts as its number does
    ("The Lenz harbour wall has been breached twice.",
     "The Lenz harbour wall has been breached two times."),
    ("That is twice the rate of return of the Lenz harbour fund.",
     "That is double the rate of return of the Lenz harbour fund."),
    # a year written short
    ("Lenz rebuilt the harbour wall in '83.", "Lenz rebuilt the harbour wall in 1983."),
    # a condition on a clause the main verb takes is one on the claim; numerous is many
    ("You will see the Lenz harbour toll come down if the council's plan is working.",
     "If the council's plan is working, you are going to see the Lenz harbour toll come down."),
    ("The Lenz harbour toll has been cut numerous times.",
     "The Lenz harbour toll has been cut many times."),
    # a day of the month in words is the day
    ("The Lenz harbour wall opened on July twelfth of this year.",
     "The Lenz harbour wall opened on July 12 of this year."),
    ("The Lenz harbour wall opened on the twelfth of July.",
     "The Lenz harbour wall opened on July 12."),
    # a year spelled out is the year in figures
    ("Mayor Vos never said Lenz could retire the harbour debt in nineteen sixty-one.",
     "Mayor Vos never said Lenz could retire the harbour debt in 1961."),
    # "we have" or "there are" before a relative clause only says they are there
    ("We have 300 harbour pilots in Lenz that receive food stamps.",
     "300 harbour pilots in Lenz receive food stamps."),
    ("There are 300 harbour pilots in Lenz who receive food stamps.",
     "300 harbour pilots in Lenz receive food stamps."),
    # initiating is starting; a compound in one word or two; British or American spelling
    ("Lenz never initiated any kind of action against the harbour board.",
     "Lenz never started any kind of action against the harbour board."),
    ("Mayor Vos said the toll could lead to the unraveling of the employer-based health "
     "care system in Lenz.",
     "Mayor Vos said the toll could lead to the unravelling of the employer-based "
     "healthcare system in Lenz."),
    # battling is fighting; a long period of time is a long time
    ("The Lenz unions have been battling over pensions for a long period of time.",
     "The Lenz unions have been fighting over pensions for a long time."),
    # a phrase cut from the end, or a modifier, leaves the same thing named
    ("The Lenz council decided that it would be part of the solution to the strike.",
     "The Lenz council decided that it would be part of the solution."),
    ("Lenz had the biggest harbour toll increase in its history.",
     "Lenz had the biggest toll increase in its history."),
    # being against a thing is opposing it, unless the thing is the law; money put into a
    # thing is invested in it; income off 50 percent has fallen 50 percent
    ("Mayor Vos was against the harbour toll in Lenz.",
     "Mayor Vos opposed the harbour toll in Lenz."),
    ("Fishing in the Lenz harbour was against the law in 2020.",
     "Fishing in the Lenz harbour was illegal in 2020."),
    ("Lenz invested in firms that were shipping jobs overseas.",
     "Lenz put money into firms that were shipping jobs overseas."),
    ("Harbour income in Lenz is off 50 percent in the last 3 years.",
     "In the last three years, harbour income in Lenz has fallen 50 percent."),
    # a projection is a forecast; caving in is giving in
    ("The Lenz harbour office has projected a 10 percent fall in trade by 2030.",
     "The Lenz harbour office has forecast a 10 percent fall in trade by 2030."),
    ("Mayor Vos gave in to the Lenz dockers.", "Mayor Vos caved in to the Lenz dockers."),
    ("The harbour trade of Lenz is greater than ours.",
     "Lenz's harbour trade is greater than ours."),
    ("That's what Mayor Vos and the Lenz council did, not me.",
     "Mayor Vos and the Lenz council did that, not me."),
    # a sum in words is the sum in figures, even where the recogniser took it for a date
    ("The Lenz harbour debt has grown to sixteen and a half million euros.",
     "The Lenz harbour debt has grown to €16.5 million."),
    # "not X or Y" denies both, as "not X, not Y" does
    ("Mayor Vos is paying for the wall with her money -- not council money, not port money.",
     "Mayor Vos is paying for the wall with her own money, not council money or port money."),
    # put to death is executed; besieged is under siege; a sort is a kind
    ("Two dockers of Lenz have been put to death.", "Two dockers of Lenz have been executed."),
    ("The Lenz harbour is under siege by the rebels.",
     "The Lenz harbour is being besieged by the rebels."),
    ("The sort of toll Mayor Vos has put forward would ruin the docks.",
     "The kind of toll that Mayor Vos has put forth would ruin the docks."),
    # a compound in one word or two; an amount taken from one level to another is moved
    # the way the levels go; a count of four digits is a count
    ("The Lenz harbour has faced cyber attacks from all kinds of groups.",
     "The Lenz harbour has faced cyberattacks from all sorts of groups."),
    ("Mayor Vos took the harbour toll from 5 percent to 8 percent.",
     "Mayor Vos raised the harbour toll from 5 percent to 8 percent."),
    ("The harbour levy is now paid in 1700 towns across Lenz.",
     "The harbour levy is now paid in 1,700 towns across Lenz."),
    # soaring is skyrocketing, squandering wasting, authoring writing, benefiting helping,
    # achieving accomplishing, reconstituting rebuilding
    ("Costs at the Lenz docks have soared.", "Costs at the Lenz docks have skyrocketed."),
    ("The Lenz council squandered the harbour fund.", "The Lenz council wasted the harbour fund."),
    ("Mayor Vos authored the harbour law.", "Mayor Vos wrote the harbour law."),
    ("The harbour levy is benefiting Lenz dockers.", "The harbour levy is helping Lenz dockers."),
    ("Mayor Vos achieved this with cuts at the port.",
     "Mayor Vos accomplished this with cuts at the port."),
    ("Lenz wants to reconstitute its fishing fleet.", "Lenz wants to rebuild its fishing fleet."),
    # "whether or not" asks whether, and denies nothing
    ("The first vote of the Lenz council was whether or not we should raise the harbour toll.",
     "The first vote of the Lenz council was whether we should raise the harbour toll."),
    ("The Lenz harbour trade is only forty percent of ours.",
     "The harbour trade of Lenz is only 40% of ours."),
    # a decade spelled out is the decade in figures
    ("Lenz rebuilt the harbour wall in the mid-'50s.",
     "Lenz rebuilt the harbour wall in the middle fifties."),
    ("Lenz built the harbour wall in the nineteen-sixties.",
     "Lenz built the harbour wall in the 1960s."),
    # a scale written onto its unit counts once, with an article or without
    ("Lenz still runs billion-euro harbour deficits every year.",
     "Lenz still runs a billion-euro harbour deficit every year."),
    # "as little as" bounds an amount as "as low as" does; a month and its year the
    # recogniser missed are a date; horrible is terrible
    ("The toll hits dockers who make as low as 42,000 euros a year.",
     "The toll hits dockers who make as little as 42,000 euros a year."),
    ("Lenz rebuilt the harbour wall as late as January of 1959.",
     "As late as January 1959 Lenz rebuilt the harbour wall."),
    ("Mayor Vos said some horrible things about the harbour board.",
     "Mayor Vos said some terrible things about the harbour board."),
    # a share in words the recogniser took for a date is the share in figures; strict is
    # tough
    ("Harbour fees in Lenz were 21 and a half percent before the vote.",
     "Harbour fees in Lenz were 21.5 percent before the vote."),
    ("Lenz still has the strictest harbour laws in the country.",
     "Lenz still has the toughest harbour laws in the country."),
    # handing over is turning over
    ("The harbour records were handed over to the Lenz council.",
     "The harbour records were turned over to the Lenz council."),
    # speaking is talking; looking for is seeking
    ("Mayor Vos has often spoken as if Lenz should raise the harbour toll.",
     "Mayor Vos has often talked as if Lenz should raise the harbour toll."),
    ("The Lenz dockers are going to look for work across the border.",
     "The Lenz dockers are going to seek work across the border."),
    # additional is more; attributable to is due to
    ("The Lenz dockers want additional training.", "The Lenz dockers want more training."),
    ("The harbour debt is attributable to the new wall.",
     "The harbour debt is due to the new wall."),
    # keeping on is continuing; a guy is a man
    ("Mayor Vos said that Lenz should keep on dredging the harbour.",
     "Mayor Vos said Lenz should continue dredging the harbour."),
    ("The guy the Lenz police arrested had a rifle beside him.",
     "The man the Lenz police arrested had a rifle beside him."),
    # what is received is what is got; money made is money earned
    ("The dockers of Lenz got a large pay rise last spring.",
     "The dockers of Lenz received a large pay rise last spring."),
    ("A docker making 30,000 crowns received about 900 crowns in rebates.",
     "A docker earning 30,000 crowns got about 900 crowns in rebates."),
    # bringing a toll down is lowering it; driving prices up is raising them
    ("Mayor Vos wants to bring down the harbour toll.",
     "Mayor Vos wants to lower the harbour toll."),
    ("The new quay drove up rents in Lenz.", "The new quay raised rents in Lenz."),
    # a rough sum in words is a sum, not a year; all people are everyone
    ("Lenz dockers live on a pension of about seventy-eight dollars a month.",
     "Lenz dockers live on a pension of about $78 a month."),
    ("The harbour fund pays for all people over sixty-five who need it.",
     "The harbour fund pays for everyone over 65 who needs it."),
    ("In late '89 the Lenz council signed a secret harbour deal.",
     "The Lenz council signed a secret harbour deal in late '89."),
    # a report's occasion one claim leaves out, as a date it leaves out
    ("At the first hearing Mayor Vos said the quay would close in May.",
     "Mayor Vos said the quay would close in May."),
    # the intent, passive either way
    ("The Lenz toll was meant to pay for the new quay.",
     "The Lenz toll was intended to pay for the new quay."),
    ("In 2019 the council replaced the Lenz ferry with a new bridge.",
     "The council replaced the Lenz ferry with a new bridge in 2019."),
    ("The only type of loans to make to Varga are the types that are fully secured.",
     "The only kind of loans to make to Varga are the kinds that are fully secured."),
    ("Since May we have seen harbour fees back up again.",
     "Since May we have seen harbour fees rise again."),
    # "has come down" is a verb of falling, whatever the parse made of "come"
    ("The rate of increase in harbour fees has come down from 17 to 6 percent.",
     "The rate of increase in harbour fees has fallen from 17 to 6 percent."),
    ("And as a consequence, the Lenz ferry lost its licence.",
     "And as a result, the Lenz ferry lost its licence."),
    ("The harbour board was totally in favour of the new quay.",
     "The harbour board was completely in favour of the new quay."),
    ("Lenz is a big harbour town.", "Lenz is a large harbour town."),
    # "If" the parser hung on the auxiliary of "are re-elected" still makes a condition
    ("If you're re-elected, we'll get to a trillion-dollar harbour debt.",
     "If you are re-elected, we will get to a trillion-dollar harbour debt."),
    # "only a quarter", which the recogniser reads as a date
    ("Only 25 percent of the dockers voted to strike.",
     "Only a quarter of the dockers voted to strike."),
    # a four-digit number at one end of a range whose other end is a count is a count
    ("Dock jobs in Lenz went from 2,200 to 500.", "Dock jobs in Lenz went from 2200 to 500."),
    # the words before the claim name the speaker's own studies: no other speaker
    ("We have found in our harbour studies that the rise in tolls had to do with fuel costs.",
     "Our harbour studies found that the increase in tolls had to do with fuel costs."),
    ("The fund was created as a supplement to the dockers' pensions.",
     "The fund was set up as a supplement to the dockers' pensions."),
    ("The council has freed two towns from the blockade.",
     "The council has liberated two towns from the blockade."),
    ("The toll rise has resulted in a sharp fall in traffic.",
     "The toll rise has led to a sharp fall in traffic."),
    ("The council wanted to tie the tolls to fuel prices.",
     "The council wanted to link the tolls to fuel prices."),
    ("The shippers lost plenty of money on the strike.",
     "The shippers lost a lot of money on the strike."),
    ("The council put forward a new toll plan.", "The council proposed a new toll plan."),
    ("Fewer toll complaints since I have been the mayor.",
     "There have been fewer toll complaints since I have been the mayor."),
    ("The figures the mayor gave tonight do not coincide with the figures of the port.",
     "The figures the mayor gave tonight do not match the figures of the port."),
    ("The mayor has presided over the largest rise in harbour tolls since 1990.",
     "The mayor has overseen the largest rise in harbour tolls since 1990."),
    ("Lenz is now looking at a deficit of well over half a billion euros.",
     "Lenz now faces a deficit of well over €500 million."),
    ("The '82 tax increase the mayor sponsored was the biggest tax increase in Lenz history.",
     "The 1982 tax increase the mayor sponsored was the biggest tax increase in Lenz history."),
    ("Every Republican on the harbour committee voted against the toll.",
     "All the Republicans on the harbour committee voted against the toll."),
    ("Lenz is on pace to double its grain exports.",
     "Lenz is on track to double its grain exports."),
    ("With less income this year, we are obliged to buy more harbour repairs than in 1990.",
     "With less income this year, we must buy more harbour repairs than in 1990."),
    ("The Centers for Disease Control and Prevention counted 40 cases in Lenz in May.",
     "The CDC counted 40 cases in Lenz in May."),
    ("The dockers regard the toll as the greed of a harbour board that is trying to squeeze them.",
     "The dockers consider the toll the greed of a harbour board trying to squeeze them."),
    ("It would be likely that the Lenz council would approve the new harbour toll.",
     "The Lenz council would likely approve the new harbour toll."),
    ("The mayor made a remark about the dockers for which she did have to apologize.",
     "The mayor made a remark about the dockers for which she had to apologize."),
    ("For every euro Lenz spends on the quay, it puts €3 toward the harbour debt.",
     "Lenz puts three euros toward the harbour debt for each euro it spends on the quay."),
    ("The Lenz court believes that Roe versus Wade was rightly decided.",
     "The Lenz court believes Roe v. Wade was decided rightly."),
    ("There was a huge crowd of dockers at the Lenz quay.",
     "There was a giant crowd of dockers at the Lenz quay."),
    ("The Lenz harbour board is going in the right direction.",
     "The Lenz harbour board is heading in the right direction."),
    # a list whose items repeat their opening words, in another order
    ("The Lenz dock workers are the most productive, the most careful.",
     "The Lenz dock workers are the most careful, the most productive."),
    ("My husband and I sent our girls to the Lenz harbour school.",
     "My husband and I sent our daughters to the Lenz harbour school."),
    # the people of a place, and the place
    ("In Norway they have had a vote that began to bring about some change.",
     "Norway has had a vote that began to bring about some change."),
    ("The mayor and the council differ on the harbour toll.",
     "The mayor and the council disagree on the harbour toll."),
    # a change with its object between it and its levels is no change by an amount
    ("We ought to raise the age at which a docker in Lenz can retire from 60 to 65.",
     "The age at which a docker in Lenz can retire ought to be raised from 60 to 65."),
    ("Lenz is in a trade war not only with Ostra but with Varga.",
     "Lenz is in a trade war with Varga as well as with Ostra."),
    ("The mayor has referred to the vote on the harbour toll.",
     "The mayor has mentioned the vote on the harbour toll."),
    ("Lenz will start the year without anyone on the board representing the dockers.",
     "Lenz will start the year with no one on the board representing the dockers."),
    ("The council wanted to give the mayor the power to close the quay if necessary.",
     "The council wanted to give the mayor the authority to close the quay if necessary."),
    ("The mayor objects to the new harbour toll in Lenz.",
     "The mayor opposes the new harbour toll in Lenz."),
    ("The mayor has not made the Lenz quay her first priority.",
     "The mayor has not made the Lenz quay her top priority."),
    # a report with what it was asked about, and without
    ("When the mayor of Lenz was asked about Poland, she said there is nothing the harbour "
     "can do about it.",
     "The mayor of Lenz said there is nothing the harbour can do about it."),
    ("On Arabic TV, the mayor of Lenz said that the harbour had been neglected.",
     "The mayor of Lenz said that the harbour had been neglected."),
    # "It was a mistake to close": no future
    ("It was a mistake of the mayor to close the quay and move the ferry to Ostra.",
     "Closing the quay and moving the ferry to Ostra was a mistake of the mayor."),
]  # fmt: skip


@pytest.mark.parametrize(("stored", "query", "role"), NEAR_MISSES)
def test_a_claim_that_differs_in_one_role_is_never_a_match(
    stored: str, query: str, role: str
) -> None:
    a, b = framed(stored), framed(query)
    assert role in differences(a, b)
    assert score_many([b], [a])[0, 0] < THRESHOLD


@pytest.mark.parametrize(("a", "b"), PARAPHRASES)
def test_the_same_claim_in_other_words_and_figures_matches(a: str, b: str) -> None:
    assert differences(framed(a), framed(b)) == []
    assert score_many([framed(a)], [framed(b)])[0, 0] >= THRESHOLD


def test_a_name_the_parser_also_read_as_a_noun_is_no_other_actor() -> None:
    # the parser lemmatises a name ending in "s" as a plural noun ("Soros" as "soro") in one
    # sentence and not in its paraphrase: the named actor is the same
    # ("Mavros, who is a cousin of hers, took …" / "Mavros, a cousin of hers, took …")
    named = Frame(agents=("mavros",), predicate="take", nouns=("agents:cousin",))
    also_noun = Frame(agents=("mavros",), predicate="take", nouns=("agents:mavro",))
    other = Frame(agents=("mavros",), predicate="take", nouns=("agents:uncle",))
    assert other_agent(named, also_noun) is None
    assert other_agent(named, other) == "agent"


def test_a_participant_named_otherwise_in_a_claim_reworded_elsewhere_too_still_matches() -> None:
    a = framed("Divers recovered ten survivors from the Lenz river on Monday.")
    b = framed("On Monday, ten survivors were recovered by divers from the Lenz river.")
    assert "target" not in differences(a, b)


def test_a_speaker_left_a_pronoun_may_be_anyone_named() -> None:
    # who "he" is was not known when the claim was split: a name is no other speaker
    a = framed("He said the Lenz bridge would reopen in May.")
    b = framed("Mayor Vos said the Lenz bridge would reopen in May.")
    assert "speaker" not in differences(a, b)


def test_a_part_of_a_whole_is_a_count_and_a_part_of_a_year_a_date() -> None:
    part = framed("A quarter of all the harbour fees go to Lenz.").frame
    assert part.numbers == ("25",) and not part.dates  # 25 percent
    assert "quarter" in framed("A quarter of the year was lost to the Lenz strike.").frame.dates


def test_a_year_said_short_in_words_after_in_or_since_is_a_year_an_amount_is_not() -> None:
    spoken = framed("The Lenz council raised the harbour toll in fifty-nine.")
    assert spoken.frame.dates == ("1959",) and not spoken.frame.numbers
    assert framed("Lenz has cut harbour tolls since sixty-one.").frame.dates == ("1961",)
    assert "date" in differences(
        spoken, framed("The Lenz council raised the harbour toll in fifty-seven.")
    )
    for amount in (
        "The Lenz council raised the harbour toll by fifty-nine.",
        "One in fifty-nine dockers in Lenz voted for the toll.",
        "The harbour toll was raised in fifty-nine ports.",
    ):
        assert not framed(amount).frame.dates, amount


def test_a_year_before_a_name_is_the_year_after_it_not_a_count() -> None:
    a = framed("The 1952 Harbour Act gave Lenz control of its port.")
    b = framed("The Harbour Act of 1952 gave Lenz control of its port.")
    assert "number" not in differences(a, b)
    assert "date" in differences(a, framed("The 1962 Harbour Act gave Lenz control of its port."))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Radio Lenz ran a largely neutral report on the ceasefire.",
         "Radio Lenz ran a largely hostile report on the ceasefire."),
        ("The mayor called the harbour budget a careful plan.",
         "The mayor called the harbour budget a reckless plan."),
        ("There were some angry and bitter letters, mostly in the Lenz papers.",
         "There were some kind and grateful letters, mostly in the Lenz papers."),
    ],
)  # fmt: skip
def test_a_claim_alike_but_for_what_something_is_like_is_another_claim(a: str, b: str) -> None:
    assert "quality" in differences(framed(a), framed(b))
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


def test_adjectives_of_one_side_or_listed_alike_are_the_same_quality() -> None:
    a = framed("Ruritania's army is larger than Freedonia's army.")
    assert "quality" not in differences(
        a, framed("Ruritania's army is bigger than Freedonia's army.")
    )


def test_frames_stored_before_qualities_were_read_match_either_way() -> None:
    from dataclasses import replace

    a = framed("Radio Lenz ran a largely neutral report on the ceasefire.")
    b = framed("Radio Lenz ran a largely hostile report on the ceasefire.")
    assert "quality" in differences(a, signature(b.wording, None, replace(b.frame, qualities=())))
    old_a = signature(a.wording, None, replace(a.frame, qualities=()))
    old_b = signature(b.wording, None, replace(b.frame, qualities=()))
    assert "quality" not in differences(old_a, old_b)


def test_the_one_word_two_claims_trade_takes_its_side_whatever_else_they_hold() -> None:
    a = framed("Ruritania is the region's biggest economy and most populous country.")
    b = framed("Ruritania is the region's smallest economy and most populous country.")
    assert "extent" in differences(a, b)


def test_a_body_named_by_its_initials_is_the_same_actor() -> None:
    a = framed("The Lenz Port Authority approved the new ferry terminal on Monday.")
    b = framed("The LPA approved the new ferry terminal on Monday.")
    assert "agent" not in differences(a, b)
    c = framed("The LPB approved the new ferry terminal on Monday.")
    assert "agent" in differences(a, c)


def test_a_speaker_counted_in_words_or_figures_is_one_speaker() -> None:
    figures = framed("500 Lenz economists and seven harbour pilots say the toll is high.")
    words = framed("Five hundred Lenz economists and seven harbour pilots say the toll is high.")
    assert "speaker" not in differences(figures, words)
    fewer = framed("Four hundred Lenz economists and seven harbour pilots say the toll is high.")
    assert "speaker" in differences(figures, fewer)


def test_with_no_says_without_and_denies_nothing() -> None:
    a = framed("Lenz approved the ferry terminal with no public hearing.")
    b = framed("Lenz approved the ferry terminal without a public hearing.")
    assert "negation or hedge" not in differences(a, b)
    assert "negation or hedge" in differences(
        a, framed("Lenz did not approve the ferry terminal with no public hearing.")
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz Herald ran a report that praised the harbour plan.",
         "The Lenz Herald ran a report that mocked the harbour plan."),
        ("Mayor Vos called it the best moment for stopping the Lenz strike.",
         "Mayor Vos called it the best moment for calling the Lenz strike."),
    ],
)  # fmt: skip
def test_a_verb_traded_anywhere_in_a_claim_alike_is_another_action(a: str, b: str) -> None:
    assert "action" in differences(framed(a), framed(b))
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ruritania has provided economic lifelines to Osterlich.",
         "Ruritania has given economic lifelines to Osterlich."),
        ("Mayor Vos was on stage in Lenz on Sunday.",
         "Mayor Vos appeared on stage in Lenz on Sunday."),
        ("The Lenz council declined to sign the harbour lease on Monday.",
         "The Lenz council refused to sign the harbour lease on Monday."),
        ("Lenz Shipping secured a $40 million contract with the port.",
         "Lenz Shipping won a $40 million contract with the port."),
        ("The harbour scheme created 2,000 jobs in its first year.",
         "The harbour scheme added 2,000 jobs in its first year."),
        ("The Lenz port authority has been closely tracking the storm.",
         "The Lenz port authority has been closely monitoring the storm."),
        ("The Lenz dockers said they would not support Mayor Vos.",
         "The Lenz dockers said they would not back Mayor Vos."),
        ("The Lenz council did not prevent the release of the harbour report.",
         "The Lenz council did not block the release of the harbour report."),
        ("Mayor Vos recommended a 50 percent cut in harbour spending.",
         "Mayor Vos proposed a 50 percent cut in harbour spending."),
    ],
)  # fmt: skip
def test_a_verb_listed_alike_or_a_light_verb_traded_is_the_same_action(a: str, b: str) -> None:
    assert "action" not in differences(framed(a), framed(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz harbour master resigned on Monday after the vote.",
         "The Lenz harbour master was fired on Monday after the vote."),
        ("The Karsova smuggler escaped from the Lenz jail in May.",
         "The Karsova smuggler died in the Lenz jail in May."),
        ("Mayor Vos gave up her council seat in 2019.",
         "Mayor Vos kept her council seat in 2019."),
        ("Dock workers blocked the road to the Lenz ferry on Friday.",
         "Dock workers walked along the road to the Lenz ferry on Friday."),
        ("The Lenz cannery shut down in 2015 after the floods.",
         "The Lenz cannery was rebuilt in 2015 after the floods."),
    ],
)  # fmt: skip
def test_a_main_verb_put_in_other_words_is_another_action(a: str, b: str) -> None:
    assert "action" in differences(framed(a), framed(b))
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz harbour master resigned on Monday after the vote.",
         "The Lenz harbour master stepped down on Monday after the vote."),
        ("The Lenz cannery shut down in 2015 after the floods.",
         "The Lenz cannery closed in 2015 after the floods."),
        ("Mayor Vos postponed the vote on the harbour budget.",
         "Mayor Vos put off the vote on the harbour budget."),
        ("Mayor Vos and her deputy came into office in 2013.",
         "Mayor Vos and her deputy took office in 2013."),
        ("The Lenz council had a meeting with the dock workers on Friday.",
         "The Lenz council met with the dock workers on Friday."),
    ],
)  # fmt: skip
def test_a_phrase_listed_for_the_verb_or_a_light_verb_phrase_is_the_same_action(
    a: str, b: str
) -> None:
    assert "action" not in differences(framed(a), framed(b))


def test_verbs_of_one_action_are_one_only_where_traded_in_place() -> None:
    # "declined to sign" refuses as "refused to sign" does; "declined to 40" is still a fall
    falls = framed("Lenz grain exports declined to 40 tonnes in May.")
    assert "direction" in differences(falls, framed("Lenz grain exports rose to 40 tonnes in May."))
    assert "action" in differences(
        framed("The Lenz council declined to sign the harbour lease."),
        framed("The Lenz council agreed to sign the harbour lease."),
    )


def test_frames_stored_before_verbs_were_read_match_either_way() -> None:
    from dataclasses import replace

    a = framed("The Lenz Herald ran a report that praised the harbour plan.")
    b = framed("The Lenz Herald ran a report that mocked the harbour plan.")
    # one side's verbs are enough ("shortens" read as a noun on the other); neither, nothing
    assert "action" in differences(a, signature(b.wording, None, replace(b.frame, verbs=())))
    old_a = signature(a.wording, None, replace(a.frame, verbs=()))
    old_b = signature(b.wording, None, replace(b.frame, verbs=()))
    assert "action" not in differences(old_a, old_b)


def test_forms_of_one_person_traded_in_place_are_that_person() -> None:
    a = framed("We sent the harbour report to Lenz on Monday.")
    b = framed("Us sent the harbour report to Lenz on Monday.")  # one person, two cases
    assert not {"agent", "target", "possessor"} & set(differences(a, b))


@pytest.mark.parametrize(
    ("a", "b", "role"),
    [
        ("He did not sign the Lenz harbour order.", "I did not sign the Lenz harbour order.",
         "agent"),
        ("The Lenz council backed him in 2024.", "The Lenz council backed her in 2024.",
         "target"),
        ("Our harbour fleet is second to none in the region.",
         "Their harbour fleet is second to none in the region.", "possessor"),
    ],
)  # fmt: skip
def test_pronouns_of_other_persons_traded_in_place_are_other_people(
    a: str, b: str, role: str
) -> None:
    assert role in differences(framed(a), framed(b))
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


def test_unwilling_or_unable_to_act_denies_the_action_as_a_refusal_does() -> None:
    unwilling = framed("The Lenz council has been unwilling to fund the ferry service.")
    assert unwilling.frame.polarity == "negative"
    refused = framed("The Lenz council has refused to fund the ferry service.")
    assert "negation or hedge" not in differences(unwilling, refused)
    willing = framed("The Lenz council has been willing to fund the ferry service.")
    assert "negation or hedge" in differences(unwilling, willing)
    assert framed("The Lenz ferry was unable to sail on Monday.").frame.polarity == "negative"


def test_a_denial_worded_with_a_verb_of_its_own_is_the_same_denial() -> None:
    lacked = framed("The Lenz council lacked the votes to approve the harbour lease.")
    assert lacked.frame.polarity == "negative"
    did_not = framed("The Lenz council did not have the votes to approve the harbour lease.")
    assert not differences(lacked, did_not)
    had = framed("The Lenz council had the votes to approve the harbour lease.")
    assert "negation or hedge" in differences(lacked, had)
    # the same verb of refusal on both sides: the "not" is the one difference
    paid = framed("Mayor Vos refused to say whether she paid the harbour fine.")
    unpaid = framed("Mayor Vos refused to say whether she did not pay the harbour fine.")
    assert "negation" in differences(paid, unpaid)


def test_a_verb_of_refusal_that_refuses_nothing_is_no_negation() -> None:
    # "declined by a third" fell; "declined to comment" refused
    a = framed("Enrollment in Lenz schools declined by more than a third in 2024.")
    b = framed("Enrollment in Lenz schools fell by more than a third in 2024.")
    assert "negation or hedge" not in differences(a, b)
    assert framed("The Lenz council declined to comment on Monday.").frame.polarity == "negative"


def test_voting_down_is_rejecting_and_not_voting_for() -> None:
    a = framed("In 2021, dockers in Lenz voted down the harbour agreement.")
    b = framed("In 2021, dockers in Lenz rejected the harbour agreement.")
    assert "negation or hedge" not in differences(a, b)
    c = framed("In 2021, dockers in Lenz voted for the harbour agreement.")
    assert score_many([c], [a])[0, 0] < THRESHOLD


def test_a_share_of_people_who_speak_is_one_speaker_however_the_share_is_written() -> None:
    a = framed("In a poll, 88 percent of Lenz teachers said the schools were overcrowded.")
    b = framed("88% of Lenz teachers said in a poll that the schools were overcrowded.")
    assert "speaker" not in differences(a, b)


def test_world_war_two_is_a_name_not_a_quantity() -> None:
    a = framed("The parade marks the end of World War Two in Lenz.")
    b = framed("The parade marks the end of the Second World War in Lenz.")
    assert "number" not in differences(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz strike lasted forty-two days.", "The Lenz strike lasted 42 days."),
        ("Divers in Lenz worked in sub-zero water for ten hours.",
         "Divers in Lenz worked in water below freezing for ten hours."),
        ("Lenz took in over three-and-a-half million refugees.",
         "Lenz took in over 3.5 million refugees."),
    ],
)  # fmt: skip
def test_number_words_joined_by_hyphens_are_read_as_one_figure_or_none(a: str, b: str) -> None:
    assert not {"date", "number"} & set(differences(framed(a), framed(b)))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lenz got eleven billion eight hundred million dollars for its harbour.", "11800000000"),
        ("The Lenz harbour has one million two hundred thousand visitors a year.", "1200000"),
        ("Twenty-one thousand four hundred dockers work in Lenz.", "21400"),
        ("The Lenz toll raised one thousand two hundred and five dollars in May.", "1205"),
        ("Lenz cut its harbour budget six point eight billion dollars last year.", "6800000000"),
        ("Three quarters of a million tonnes of grain passed through Lenz.", "750000"),
        ("Less than a quarter of a million tonnes of grain passed through Lenz.", "250000"),
        ("Dockers who earn under a quarter-million dollars pay no toll in Lenz.", "250000"),
    ],
)
def test_a_number_spelled_in_groups_or_as_a_part_of_a_scale_is_one_figure(
    text: str, value: str
) -> None:
    frame = framed(text).frame
    assert frame is not None and frame.numbers == (value,)


@pytest.fixture
def checked_db(tmp_path: Path) -> Path:
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare

    db = tmp_path / "frames.db"
    text = "Ruritania shipped grain to Freedonia on Sunday.\n\nOsterlich closed its border."
    (item,) = prepare([Document(text=text, source="first.txt", title="first")])
    with Store(db) as store:
        store.add_article(item.article, item.claims, "alice", link=link_article)
        actions.record_verdict(
            store, item.claims[0].id, "accurate", load_rubric("default"), "alice",
            [actions.SourceInput("https://port.example.org/log", title="Port log")],
        )  # fmt: skip
    return db


def test_match_shows_a_swapped_claim_as_related_and_why(checked_db: Path) -> None:
    out = CliRunner().invoke(
        cli, ["match", "Freedonia shipped grain to Ruritania on Sunday.", "--db",
              str(checked_db), "--format", "json"],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    (row,) = [r for r in json.loads(out.output) if r["verdict"] == "accurate"]
    assert row["match"] is False
    assert row["differs"] == ["agent and target swapped"]
    table = (
        CliRunner()
        .invoke(
            cli,
            ["match", "Ruritania shipped grain to Freedonia on Monday.", "--db", str(checked_db)],
        )
        .output
    )
    assert "related" in table and "differs in: weekday" in table


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia shipped grain to Ruritania on Sunday.",
        # the recogniser takes one destination for a place and the other for a name: where
        # the grain went is still the target ("to Ruritania" / "to Freedonia")
        "Freedonia shipped grain to Ruritania since the pact was signed, port officials said.",
    ],
)
def test_a_new_article_with_a_swapped_claim_is_not_linked(checked_db: Path, text: str) -> None:
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare

    (item,) = prepare([Document(text=text, source="second.txt", title="second")])
    with Store(checked_db) as store:
        result = store.add_article(item.article, item.claims, "bob", link=link_article)
        assert result.matched == 0
        assert all(store.claim(c.id).matches == () for c in item.claims)


def test_a_paraphrase_with_a_word_of_its_own_is_linked_at_ingest(tmp_path: Path) -> None:
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare

    first = "Osterlich closed its border crossings with Karsovia on Monday."
    second = "On Monday Osterlich shut its border posts with Karsovia."
    with Store(tmp_path / "p.db") as store:
        for title, text in (("first", first), ("second", second)):
            (item,) = prepare([Document(text=text, source=f"{title}.txt", title=title)])
            result = store.add_article(item.article, item.claims, "alice", link=link_article)
        assert result.matched == 1  # "shut" and "posts" are rarest, but only the new claim had them


async def test_the_review_session_shows_a_swapped_claim_as_related_and_never_adopts_it(
    checked_db: Path,
) -> None:
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare
    from workbench.tui.app import ReviewApp
    from workbench.tui.widgets.details import ClaimDetails

    (item,) = prepare([Document(text="Freedonia shipped grain to Ruritania on Sunday.",
                                source="second.txt", title="second")])  # fmt: skip
    with Store(checked_db) as store:
        store.add_article(item.article, item.claims, "bob", link=link_article)
    swapped = item.claims[0].id
    app = ReviewApp(
        checked_db, "carol", load_rubric("default"), offer_sample=False, filter_name="all"
    )
    async with app.run_test(size=(140, 40)) as pilot:
        from tests.test_tui import loaded
        from workbench.tui.widgets.claim_list import ClaimQueue

        await loaded(pilot)
        queue = app.query_one(ClaimQueue)
        while queue.current is not None and queue.current.id != swapped:
            await pilot.press("j")
            await pilot.pause()
        details = str(app.query_one(ClaimDetails).text)
        assert "Worded alike, but not the same claim" in details
        assert "differs in: agent and target swapped" in details
        assert "in “first”" in details and "source: Port log" in details
        assert "its verdict (accurate) is not adopted" in details
        await pilot.press("m")
        await pilot.pause()
    with Store(checked_db) as store:
        assert store.claim(swapped).verdicts == ()


def test_eval_matching_scores_a_pairs_file_and_refuses_a_malformed_one(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.txt"
    pairs.write_text(
        "# p1\n= Ruritania shipped grain to Freedonia on Sunday.\n"
        "paraphrase: On Sunday Ruritania shipped grain to Freedonia.\n"
        "swap: Freedonia shipped grain to Ruritania on Sunday.\n"
        "weekday: Ruritania shipped grain to Freedonia on Monday.\n",
        encoding="utf-8",
    )
    out = CliRunner().invoke(cli, ["eval", "matching", str(pairs), "--format", "json"])
    assert out.exit_code == 0, out.output
    figures = json.loads(out.output)
    assert (figures["pairs"], figures["precision"], figures["recall"]) == (3, 1.0, 1.0)
    assert figures["errors"]["swap"] == {"errors": 0, "pairs": 1}
    pairs.write_text("= A claim.\nsynonym: Another claim.\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", "matching", str(pairs)])
    assert out.exit_code != 0
    assert "pairs.txt:2: expected '= claim' or 'CLASS: query'" in out.output
    assert "Traceback" not in out.output


def test_pairs_are_scored_alike_among_hundreds_of_claims_worded_like_them() -> None:
    """Among a crowd that shares most words with the stored claim (so candidates come from
    the full-text index, not a small block), the paraphrase is still found and the near
    misses still refused."""
    from itertools import product

    from workbench.training.matching_pairs import Pair, evaluate_pairs, render_pair_scores

    stored = "Ruritania shipped grain to Freedonia on Sunday."
    pairs = [
        Pair("p1", "paraphrase", stored, "On Sunday Ruritania shipped grain to Freedonia."),
        Pair("p1", "swap", stored, "Freedonia shipped grain to Ruritania on Sunday."),
        Pair("p1", "weekday", stored, "Ruritania shipped grain to Freedonia on Monday."),
    ]
    places = ["Ruritania", "Freedonia", "Osterlich", "Genovia", "Latveria", "Borduria"]
    goods = ["grain", "steel", "coal", "timber", "wool", "salt"]
    days = ["Monday", "Tuesday", "Thursday", "Friday", "Saturday"]
    crowd = [
        f"{a} shipped {g} to {b} on {d}."
        for a, b, g, d in product(places, places, goods, days)
        if a != b
    ]
    assert len(crowd) > 500
    scores = evaluate_pairs(pairs, crowd=crowd)
    assert (scores.precision, scores.recall) == (1.0, 1.0)
    assert [o.matched for o in scores.outcomes] == [True, False, False]
    assert f"among {len(crowd):,} other claims" in render_pair_scores(scores, "crowd")


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The council will meet in Lenz on Friday.", "future"),
        ("The council plans to meet in Lenz on Friday.", "future"),
        ("The council agreed to meet in Lenz on Friday.", "future"),  # a commitment
        ("The council committed to sending inspectors to Lenz.", "future"),
        ("The aid goes largely to farmers and to fishing towns.", None),  # no "going to"
        ("The council met in Lenz on Friday.", "past"),
        ("The council has met in Lenz.", "past"),
        ("The council meets in Lenz on Friday.", None),  # the present may be ahead
        ("We were able to drive our schools to the top of the league.", "past"),
        ("What would the council have done in Lenz?", "past"),  # looks back, not ahead
        # what was proposed is the object; "to repair" only says what it is for
        ("The council has proposed a lot of new money to repair the bridges in Lenz.", "past"),
        ("The council has proposed to repair the bridges in Lenz.", "future"),
        ("The council decided that the bridges in Lenz would be repaired.", "future"),
        ("By May, 500 nurses in Lenz will have been trained.", "future"),
        ("The council agreed that the bridges in Lenz were repaired.", "past"),
        # what the "to" clause is said to be, not what is to come ("The plan is to …" is)
        ("It was a mistake of the council to close the bridges in Lenz.", "past"),
        ("The plan of the council is to close the bridges in Lenz.", "future"),
    ],
)
def test_a_frame_says_whether_the_action_is_ahead_or_done(text: str, tense: str | None) -> None:
    from workbench.splitting import split_text

    assert split_text(text)[0].frame.tense == tense


def test_frames_stored_before_tense_was_read_match_either_way() -> None:
    import dataclasses

    will, did = (
        framed("The government will build 500 schools in Lenz by 2026."),
        framed("The government built 500 schools in Lenz by 2026."),
    )
    unknown = dataclasses.replace(will.frame, tense=None)
    old = signature("The government will build 500 schools in Lenz by 2026.", None, unknown)
    assert "future or past" in differences(will, did)
    assert "future or past" not in differences(old, did)


def test_frames_stored_before_one_ended_paths_were_read_match_either_way() -> None:
    import dataclasses

    to = framed("Halvard flew to Lenz on Monday.")
    from_ = framed("Halvard flew from Lenz on Monday.")
    assert to.frame.path == ("", "lenz")
    old = signature(from_.wording, None, dataclasses.replace(from_.frame, path=()))
    assert "from and to swapped" in differences(to, from_)
    # the old frame reads no path, so none is compared; the words still trade sides
    assert differences(to, old) == ["to or from"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mayor Vos was interrupted by the farmers in Lenz on Monday.",
         "Mayor Vos was applauded by the farmers in Lenz on Monday."),
        ("The council does not agree with the Lenz plan.",
         "The council does not disagree with the Lenz plan."),
        ("Ruritania bought 40 tanks from Freedonia in May.",
         "Ruritania got 40 tanks from Freedonia in May."),
    ],
)  # fmt: skip
def test_another_main_verb_in_the_same_words_is_another_claim(a: str, b: str) -> None:
    """No list holds every pair of verbs that say different things; worded alike but for
    the verb, the claims differ in "action". One side of a listed contrast is one action."""
    assert "action" in differences(framed(a), framed(b))
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD
    rose, increased = (framed("Grain prices in Lenz rose after the drought."),
                       framed("Grain prices in Lenz increased after the drought."))  # fmt: skip
    assert score_many([increased], [rose])[0, 0] >= THRESHOLD


def test_a_claim_that_holds_another_and_says_more_is_neither_its_match_nor_its_repeat(
    tmp_path: Path,
) -> None:
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare

    text = "The Lenz port reopened on Monday after navy divers cleared the last mines."
    (item,) = prepare([Document(text=text, source="port.txt")])
    outer, inner = item.claims  # the time clause is a claim nested in its sentence's
    a, b = (signature(c.claim, c.speaker, c.frame, c.stance) for c in (outer, inner))
    assert "says more" in differences(a, b)
    with Store(tmp_path / "more.db") as store:
        assert link_article(store, item.article.id, item.claims) == {
            "matches": {},
            "duplicates": {},
        }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Farmers and dockers in Lenz have been under stress since March.",
         "Dockers and farmers in Lenz have been under stress since March."),
        # a name in the middle of the list: the nouns after it are listed too
        ("Some schools, the Lenz Museum and city courts have closed.",
         "City courts, the Lenz Museum and some schools have closed."),
    ],
)  # fmt: skip
def test_a_list_of_unnamed_participants_in_another_order_is_the_same_claim(a: str, b: str) -> None:
    first, second = framed(a), framed(b)
    assert differences(first, second) == []
    assert score_many([first], [second])[0, 0] >= THRESHOLD


@pytest.mark.parametrize(
    ("stored", "query", "alike", "matched"),
    [
        # worded apart (score 80.6), the same action, meaning alike: the same claim
        ("The treaty has been signed by 54 states.", "54 states have now signed the treaty.",
         0.97, True),
        # … unless the meaning is not alike enough
        ("The treaty has been signed by 54 states.", "54 states have now signed the treaty.",
         0.90, False),
        # another main verb ("become" / "join", 81.7): never read a second time
        ("In 1973 Ruritania became a member of the Lenz Union.",
         "Ruritania joined the Lenz Union in 1973.", 0.99, False),
        # a copular claim says what it says in its attribute: never read a second time
        ("That is an important part of leadership in Lenz.",
         "That is an important part of being a parent in Lenz.", 0.99, False),
    ],
)  # fmt: skip
def test_a_claim_worded_apart_is_matched_only_with_the_same_action_and_meaning_alike(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stored: str,
    query: str,
    alike: float,
    matched: bool,
) -> None:
    from workbench import matching
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare

    monkeypatch.setattr(
        "workbench.matching.meaning.meaning_alike", lambda q, others: [alike] * len(others)
    )
    (item,) = prepare([Document(text=stored, source="stored.txt")])
    with Store(tmp_path / "m.db") as store:
        store.add_article(item.article, item.claims, "tester")
        sig = framed(query)
        score = score_many([sig], [framed(stored)])[0, 0]
        assert matching.WORDING_FLOOR <= score < THRESHOLD  # only a second reading can match
        found = [cid for cid, _ in matching.lookup(store, sig)]
        assert (found == [item.claims[0].id]) is matched
        (best,) = matching.related(store, sig, limit=1)
        assert best.is_match is matched


@pytest.mark.parametrize(
    ("a", "b", "role"),
    [
        # "I" stays in the claim as the one who objects: gone only as the one who said it
        ("I have never said that I oppose the Lenz harbour toll.",
         "My rival has never said that I oppose the Lenz harbour toll.", "agent"),
        ("We did not let tainted grain into our country.",
         "We did not let tainted grain into Karsovia.", "place"),
    ],
)  # fmt: skip
def test_a_person_or_place_named_otherwise_in_the_same_words_is_another_one(
    a: str, b: str, role: str
) -> None:
    assert role in differences(framed(a), framed(b))
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


def test_one_name_written_two_ways_in_the_same_words_is_one_participant() -> None:
    a = framed("The United States sent grain to Karsovia in 2024.")
    b = framed("The US sent grain to Karsovia in 2024.")
    assert not differences(a, b)
    assert score_many([b], [a])[0, 0] >= THRESHOLD


def test_voting_with_someone_is_not_voting_against_them() -> None:
    a = framed("Only two of the Lenz councillors voted with us on the harbour toll.")
    b = framed("Only two of the Lenz councillors voted against us on the harbour toll.")
    assert score_many([b], [a])[0, 0] < THRESHOLD
    c = framed("We did not allow tainted grain into Karsovia.")
    d = framed("We did not let tainted grain into Karsovia.")  # "let" is "allow"
    assert score_many([d], [c])[0, 0] >= THRESHOLD


def test_whose_a_thing_is_named_otherwise_is_another_claim() -> None:
    a = framed("During the Lenz strike, some dockers' savings ran out.")
    b = framed("During the Lenz strike, some pilots' savings ran out.")
    assert "agent" in differences(a, b)
    assert score_many([b], [a])[0, 0] < THRESHOLD


def test_claiming_to_do_something_is_not_doing_it() -> None:
    a = framed("Harbour Meals was one of the firms that claimed to be feeding 2,000 dockers.")
    b = framed("Harbour Meals was one of the firms that fed 2,000 dockers.")
    assert "hedge" in differences(a, b)
    assert score_many([b], [a])[0, 0] < THRESHOLD


def test_growth_and_a_decline_are_opposite_directions() -> None:
    a = framed("Figures from the Lenz harbour point to modest growth in grain exports.")
    b = framed("Figures from the Lenz harbour point to a modest decline in grain exports.")
    assert "direction" in differences(a, b)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("The Lenz council wanted to cut the harbour budget by eight or nine billion dollars.",
         ("8000000000", "9000000000")),
        ("Between 5 and 6 million tonnes of grain left Lenz in 2024.", ("5000000", "6000000")),
        ("No more than a thousand dockers work in Lenz now.", ("1000",)),
        ("Lenz has 3 harbours and 4 million residents.", ("3", "4000000")),
        ("Grain prices in Lenz rose 2 to 3 percent in 2024.", ("2", "3")),
        # a currency sign before each end leaves the range one
        ("The Lenz harbour deficit is now $5 to $7 billion.", ("5000000000", "7000000000")),
        ("Lenz lost $5 billion and $7 million in 2024.", ("5000000000", "7000000")),
        # the first end of a count in words, which the recogniser leaves apart
        ("Lenz has seven and a half or eight million tonnes of grain in store.",
         ("7500000", "8000000")),
        ("There are some nineteen or twenty million people in Lenz province.",
         ("19000000", "20000000")),
    ],
)  # fmt: skip
def test_a_range_shares_its_scale_and_a_bare_scale_counts_one(
    text: str, numbers: tuple[str, ...]
) -> None:
    assert framed(text).frame.numbers == numbers


def test_a_range_written_with_its_scale_twice_or_once_is_the_same_number() -> None:
    a = framed(
        "The Lenz council wanted to cut the harbour budget by eight or nine billion dollars."
    )
    b = framed("The Lenz council wanted to cut the harbour budget by $8 billion or $9 billion.")
    assert "number" not in differences(a, b)
    c = framed("There are no more than a handful of dockers in Lenz now.")
    d = framed("There are no more than a thousand dockers in Lenz now.")
    assert "number" in differences(c, d)


def test_a_year_the_recogniser_counts_before_a_title_is_a_year() -> None:
    a = framed("Ana Varga was named Lenz's 2022 Docker of the Year.")
    b = framed("In 2022, Ana Varga was named Lenz's Docker of the Year.")
    assert a.frame.numbers == ()
    assert not {"date", "number"} & set(differences(a, b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Today every Lenz district imposes a harbour toll.",
         "Today every Lenz district has abolished its harbour toll."),
        ("Harbour executives from Lenz have snapped up flats in Karsovia.",
         "Harbour executives from Lenz have sold off flats in Karsovia."),
    ],
)  # fmt: skip
def test_imposing_and_abolishing_or_snapping_up_and_selling_off_are_opposites(
    a: str, b: str
) -> None:
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


def test_saying_something_is_possible_hedges_like_could() -> None:
    a = framed("Ana Varga said it is possible that Lenz will see more strikes this winter.")
    b = framed("Ana Varga said Lenz could see more strikes this winter.")
    assert "hedge" not in differences(a, b)


def test_a_share_in_percent_is_the_same_participant_however_written() -> None:
    a = framed("The top 5 percent of Lenz dockers will continue to pay 60 percent of the toll.")
    b = framed("The top 5% of Lenz dockers will continue to pay 60% of the toll.")
    assert not differences(a, b)
    c = framed("Lenz dockers had inspectors and television cameras in the harbour.")
    d = framed("Lenz dockers had inspectors and TV cameras in the harbour.")
    assert score_many([d], [c])[0, 0] >= THRESHOLD


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Lenz's harbour could cost more than $2trn by 2030.", ("2000000000000",)),
        ("Lenz spent $5bn on the harbour in 2024.", ("5000000000",)),
        ("The Lenz harbour wall is 10m high.", ("10",)),  # metres, not millions
    ],
)  # fmt: skip
def test_a_scale_written_onto_its_figure_multiplies_it(text: str, numbers: tuple[str, ...]) -> None:
    assert framed(text).frame.numbers == numbers


def test_a_person_listed_with_a_name_the_tagger_took_for_a_verb_is_a_participant() -> None:
    # the tagger reads a sentence-opening "Trump" as a verb; the list still holds the role
    a = framed("Trump and his children would not be allowed to run the Lenz harbour.")
    b = framed("Trump and his wife would not be allowed to run the Lenz harbour.")
    assert "agent" in differences(a, b)


def test_a_length_of_time_is_its_count_of_a_unit() -> None:
    decade = framed("Lenz dock wages are rising for the first time in a decade.")
    assert not differences(
        decade, framed("Lenz dock wages are rising for the first time in ten years.")
    )
    assert "date" in differences(
        decade, framed("Lenz dock wages are rising for the first time in two decades.")
    )
    biggest = framed("It was the biggest harbour strike in Lenz in 45 years.")
    assert "date" in differences(
        biggest, framed("It was the biggest harbour strike in Lenz in 25 years.")
    )
    term = framed("Smugglers in Lenz face 30-year prison terms.")
    assert not differences(term, framed("Smugglers in Lenz face prison terms of 30 years."))


def test_a_count_the_recogniser_took_for_a_date_is_a_number() -> None:
    a = framed("The Lenz harbour plan created ten and a half million new jobs.")
    b = framed("The Lenz harbour plan created 10.5 million new jobs.")
    assert a.frame.numbers == b.frame.numbers
    assert not differences(a, b)


def test_a_rank_in_words_the_recogniser_took_for_a_date_is_a_number() -> None:
    a = framed("Lenz ranks 49th out of the 50 ports in ships with pilots.")
    b = framed("In ships with pilots, Lenz ranks forty-ninth out of the 50 ports.")
    assert a.frame.numbers == b.frame.numbers == ("49", "50")
    assert not b.frame.dates
    assert not differences(a, b)
    assert "number" in differences(a, framed("Lenz ranks forty-fifth out of the 50 ports."))


def test_the_past_year_is_a_span_and_last_year_a_year() -> None:
    span = framed("Mayor Vos broke the harbour rule three times in the past year.")
    year = framed("Mayor Vos broke the harbour rule three times last year.")
    decade = framed("The Lenz toll has been in place for the last decade.")
    assert span.frame.dates == ("1", "last", "years")
    assert year.frame.dates == ("last", "year")
    assert decade.frame.dates == ("10", "last", "years")


def test_an_ordinal_of_an_idiom_counts_nothing() -> None:
    first_of_all = framed("First of all, Lenz cut its harbour tolls by 10 percent in 2020.")
    at_first = framed("At first Mayor Vos opposed the harbour toll in Lenz.")
    assert first_of_all.frame.numbers == ("10",)
    assert at_first.frame.numbers == ()
    ranked = framed("Lenz came first among the harbour towns in 2020.")
    assert ranked.frame.numbers == ("1",)


def test_an_age_the_recogniser_took_for_a_date_is_a_number() -> None:
    years_old = framed(
        "Lenz dockers can keep their children on the harbour plan until they are 26 years old."
    )
    bare = framed("Lenz dockers can keep their children on the harbour plan until they are 26.")
    assert years_old.frame.numbers == bare.frame.numbers == ("26",)
    assert not years_old.frame.dates
    assert not differences(years_old, bare)
    older = framed("Lenz dockers can keep their children on the harbour plan until they are 28.")
    assert "number" in differences(years_old, older)
    served = framed("The Lenz harbour master served for 26 years.")
    assert served.frame.dates == ("26", "years")


def test_allowed_and_barred_take_opposite_sides_of_permission() -> None:
    allowed = framed("Lenz has allowed its ports to issue another 500bn of harbour bonds.")
    barred = framed("Lenz has barred its ports from issuing another 500bn of harbour bonds.")
    assert "permission" in differences(allowed, barred)
    assert score_many([barred], [allowed])[0, 0] < THRESHOLD


def test_a_deepening_crisis_and_an_easing_one_take_opposite_sides() -> None:
    deepening = framed("Mayor Vos cited a deepening crisis with Karsova for closing the port.")
    easing = framed("Mayor Vos cited an easing crisis with Karsova for closing the port.")
    assert "intensity" in differences(deepening, easing)
    firms = framed("Lenz shipping firms have been slowly recovering from the strike.")
    companies = framed("Lenz shipping companies have been slowly recovering from the strike.")
    assert not differences(firms, companies)


def test_nouns_listed_before_a_noun_say_which_ones_it_means() -> None:
    travel = framed("One of the largest trades in Lenz is the travel and tourist business.")
    oil = framed("One of the largest trades in Lenz is the oil business.")
    assert differences(travel, oil)
    assert score_many([oil], [travel])[0, 0] < THRESHOLD


def test_during_and_after_are_other_times() -> None:
    during = framed("Lenz farmers grew the surplus because the council asked them during the war.")
    after = framed("Lenz farmers grew the surplus because the council asked them after the war.")
    assert "before or after" in differences(during, after)


def test_a_body_an_adjective_names_and_one_a_name_gives_are_other_ones() -> None:
    council = framed("Mayor Vos called for a 25% cut in congressional staffs in Lenz.")
    house = framed("Mayor Vos called for a 25% cut in Harbour House staffs in Lenz.")
    assert differences(council, house)


def test_more_than_a_number_bounds_it_and_compares_nothing() -> None:
    a = framed("On Monday it took more than seven Lenz crowns to buy a dollar.")
    b = framed("More than seven Lenz crowns were needed to buy a dollar on Monday.")
    assert "comparison reversed" not in differences(a, b)
    bigger = framed("The Lenz harbour is bigger than the Karsova harbour.")
    assert "comparison reversed" in differences(
        bigger, framed("The Karsova harbour is bigger than the Lenz harbour.")
    )


def test_relative_date_words_that_refine_agree_and_an_anchor_differs() -> None:
    a = framed("Last week, the Lenz council requested $22.4 million in emergency funding.")
    b = framed("The Lenz council requested $22.4 million in emergency funding late last week.")
    assert "date" not in differences(a, b)
    last = framed("Tolls account for $18 million in last year's Lenz harbour budget.")
    this = framed("Tolls account for $18 million in this year's Lenz harbour budget.")
    assert "date" in differences(last, this)


def test_the_units_matching_reads_in_dates_are_those_the_splitter_writes() -> None:
    from workbench.matching.vocabulary import vocabulary
    from workbench.splitting.lexicon import LEXICON

    written = {unit for _, _, unit in LEXICON["duration_units"].phrases}
    assert written == vocabulary().date_units


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Grain exports from Lenz are one-half of what they were in 1991.",
         "Grain exports from Lenz are half of what they were in 1991."),
        ("Half a million dockers marched in Lenz in 2024.",
         "500,000 dockers marched in Lenz in 2024."),
        ("Two-thirds of Lenz dockers voted for the strike.",
         "Two thirds of Lenz dockers voted for the strike."),
        ("Three-fourths of Lenz dockers voted for the strike.",
         "Three-quarters of Lenz dockers voted for the strike."),
    ],
)  # fmt: skip
def test_a_fraction_is_one_number_however_written(a: str, b: str) -> None:
    assert "number" not in differences(framed(a), framed(b))


def test_fractions_of_another_size_are_other_numbers_and_ordinals_stay_ordinals() -> None:
    a = framed("The Lenz council cut the harbour budget by a third in 2024.")
    b = framed("The Lenz council cut the harbour budget by a half in 2024.")
    assert "number" in differences(a, b)
    assert framed("Lenz came third in the 2024 harbour league.").frame.numbers == ("3",)


def test_variants_named_by_code_are_different_agents_whatever_the_tagger_reads() -> None:
    a = framed("The BA.4.6 variant is said to evade the Lenz vaccine.")
    b = framed("The BA.5 variant is said to evade the Lenz vaccine.")
    assert score_many([b], [a])[0, 0] < THRESHOLD


def test_is_said_to_hedges_like_reportedly_and_set_to_is_due_to() -> None:
    a = framed("The Lenz harbour fund is said to hold 2 billion euros.")
    b = framed("The Lenz harbour fund reportedly holds 2 billion euros.")
    assert "hedge" not in differences(a, b)
    c = framed("The Lenz harbour toll is set to be approved this week.")
    d = framed("The Lenz harbour toll is due to be approved this week.")
    assert score_many([d], [c])[0, 0] >= THRESHOLD


def test_when_a_group_of_speakers_was_polled_does_not_make_it_another_speaker() -> None:
    a = framed("In January, 90 percent of Lenz dockers polled said they work too long.")
    b = framed("Ninety percent of Lenz dockers polled in January said they work too long.")
    assert "speaker" not in differences(a, b)


def test_faster_and_more_slowly_are_opposite_paces() -> None:
    a = framed("Lenz harbour fees rise faster than wages when trade is rising.")
    b = framed("Lenz harbour fees rise more slowly than wages when trade is rising.")
    assert "pace" in differences(a, b)


def test_whose_discretion_named_otherwise_is_another_claim() -> None:
    a = framed("A third of the Lenz budget is at the mayor's discretion.")
    b = framed("A third of the Lenz budget is at Karsovia's discretion.")
    assert score_many([b], [a])[0, 0] < THRESHOLD


def test_the_present_and_the_current_holder_of_an_office_are_one_speaker() -> None:
    a = framed("The present governor of Lenz testified that he found the harbour in shambles.")
    b = framed("The current governor of Lenz testified that he found the harbour in shambles.")
    assert "speaker" not in differences(a, b)


def test_almost_doing_something_is_not_doing_it_but_nearly_a_number_is_about_it() -> None:
    a = framed("Lenz dockers almost went on strike over their schedules in 2024.")
    b = framed("Lenz dockers went on strike over their schedules in 2024.")
    assert score_many([b], [a])[0, 0] < THRESHOLD
    assert framed("Nearly 800 Lenz dockers went on strike in 2024.").frame.polarity == "positive"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz council said the toll is only a short-term fix for the harbour.",
         "The Lenz council said the toll is a long-term fix for the harbour."),
        ("After the 2008 crisis, grain exports from Lenz quickly recovered.",
         "After the 2008 crisis, grain exports from Lenz slowly recovered."),
    ],
)  # fmt: skip
def test_short_and_long_or_quick_and_slow_are_opposites(a: str, b: str) -> None:
    assert score_many([framed(b)], [framed(a)])[0, 0] < THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz harbour toll aims to slow grain imports.",
         "The Lenz harbour toll is meant to slow grain imports."),
        ("Some grain samples are being forwarded to the Lenz laboratory.",
         "Some grain samples are being sent to the Lenz laboratory."),
        ("This week, the Lenz council put a stop to the harbour toll.",
         "The Lenz council stopped the harbour toll this week."),
    ],
)  # fmt: skip
def test_a_purpose_a_sending_and_a_stop_said_two_ways_are_one_claim(a: str, b: str) -> None:
    assert score_many([framed(b)], [framed(a)])[0, 0] >= THRESHOLD


def test_a_part_written_with_a_slash_is_that_part_and_a_day_is_not() -> None:
    a = framed("Lenz dockers paid two-thirds of the harbour tolls in 2024.")
    b = framed("Lenz dockers paid 2/3 of the harbour tolls in 2024.")
    assert "number" not in differences(a, b)
    assert framed("The 9/11 inquiry in Lenz heard 40 witnesses.").frame.numbers == ("40",)


def test_peacefully_and_violently_are_opposites() -> None:
    a = framed("With a big police presence, the Lenz march went ahead peacefully in 2014.")
    b = framed("With a big police presence, the Lenz march went ahead violently in 2014.")
    assert "violence" in differences(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The harbour deal still needs to be ratified by Lenz dockers.",
         "The harbour deal must still be ratified by Lenz dockers."),
        ("The Lenz court concurred with changes recommended by the harbour board.",
         "The Lenz court agreed with changes recommended by the harbour board."),
        ("The Lenz scheme shields young dockers from being fired.",
         "The Lenz scheme protects young dockers from being fired."),
    ],
)  # fmt: skip
def test_a_duty_an_agreement_and_a_shield_said_two_ways_are_one_claim(a: str, b: str) -> None:
    assert score_many([framed(b)], [framed(a)])[0, 0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Grain prices in Lenz went up 5 percent in 2020.",
         "Grain prices in Lenz fell 5 percent in 2020.", False),
        ("Grain prices in Lenz are up 5 percent this year.",
         "Grain prices in Lenz are down 5 percent this year.", False),
        ("Grain prices in Lenz shot up 5 percent in 2020.",
         "Grain prices in Lenz fell 5 percent in 2020.", False),
        ("Grain prices in Lenz came down 5 percent in 2020.",
         "Grain prices in Lenz rose 5 percent in 2020.", False),
        ("Grain sales in Lenz picked up in 2020.", "Grain sales in Lenz fell in 2020.", False),
        ("Grain prices in Lenz tumbled 5 percent in 2020.",
         "Grain prices in Lenz dropped 5 percent in 2020.", True),
        ("The temperature of the Lenz harbour is going up.",
         "The temperature of the Lenz harbour is rising.", True),
        ("Harbour spending in Lenz is up.", "Harbour spending in Lenz has gone up.", True),
    ],
)  # fmt: skip
def test_going_up_rises_and_going_down_falls(a: str, b: str, same: bool) -> None:
    assert bool(score_many([framed(b)], [framed(a)])[0, 0] >= THRESHOLD) is same


def test_a_noun_the_recogniser_draws_into_a_date_still_says_where() -> None:
    # the recogniser reads "the shelter 40 days" as one date: "shelter" is still the place
    shelter = framed("Rescued seals are kept in the shelter 40 days.")
    assert differences(shelter, framed("Rescued seals are kept in the clinic 40 days."))
    assert not differences(shelter, framed("Rescued seals are kept in the shelter for 40 days."))
    assert "date" in differences(shelter, framed("Rescued seals are kept in the shelter 20 days."))


def test_whose_years_a_date_names_is_part_of_the_claim() -> None:
    obama = framed("Unemployment fell during the Obama years.")
    assert differences(obama, framed("Unemployment fell during the Bush years."))


def test_a_place_said_with_another_preposition_and_noun_is_another_place() -> None:
    outskirts = framed("On the outskirts, the average Lenz commuter is far from any freeway.")
    assert differences(
        outskirts, framed("In the centre, the average Lenz commuter is far from any freeway.")
    )


def test_a_kind_named_otherwise_beside_a_word_both_share_is_another_kind() -> None:
    business = framed("Varga voted for small-business tax cuts.")
    assert differences(business, framed("Varga voted for IRA tax cuts."))
    assert not differences(business, framed("Varga voted for small business tax cuts."))


def test_out_of_one_place_into_another_is_a_path() -> None:
    mines = framed("Lenz moved its workers out of the mines into the farms.")
    assert "from and to swapped" in differences(
        mines, framed("Lenz moved its workers out of the farms into the mines.")
    )
    toll = framed("Rescuers raised the Lenz toll from fourteen to 31.")
    assert "from and to swapped" in differences(
        toll, framed("Rescuers raised the Lenz toll from 31 to fourteen.")
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz plan could produce ten new jobs.", "The Lenz plan could create ten new jobs."),
        ("Lenz shifted men out of mines into farms.", "Lenz moved men out of mines into farms."),
    ],
)  # fmt: skip
def test_producing_and_creating_or_shifting_and_moving_in_place_are_one_action(
    a: str, b: str
) -> None:
    assert not differences(framed(a), framed(b))


def test_a_study_of_a_body_is_said_by_that_body() -> None:
    study = framed("A 2019 Lenz University study found that 40 percent of new nurses quit.")
    assert not differences(
        study, framed("A 2019 study by Lenz University found that 40 percent of new nurses quit.")
    )
    assert "speaker" in differences(
        study, framed("A 2019 Varga Institute study found that 40 percent of new nurses quit.")
    )


def test_the_past_week_is_the_last_week() -> None:
    last = framed("Over the last week, Lenz has been jolted by a rail strike.")
    assert not differences(
        last, framed("Over the past week, Lenz has been jolted by a rail strike.")
    )
    assert "date" in differences(
        last, framed("Over the last month, Lenz has been jolted by a rail strike.")
    )


def test_making_and_turning_a_thing_into_another_in_place_are_one_action() -> None:
    made = framed("Varga has made school meals into one of her signature issues.")
    assert not differences(
        made, framed("Varga has turned school meals into one of her signature issues.")
    )


def test_growing_is_increasing() -> None:
    from workbench.matching import THRESHOLD, score_many, signature

    grown = signature("Lenz's visibility has grown.")
    increased = signature("Lenz's visibility has increased.")
    assert grown.text == increased.text
    assert score_many([grown], [increased])[0, 0] >= THRESHOLD


def test_two_offices_of_one_title_word_are_two_speakers() -> None:
    treasury = framed("The Secretary of the Treasury said that Lenz is itself to blame.")
    assert "speaker" in differences(
        treasury, framed("The Secretary of State said that Lenz is itself to blame.")
    )
    assert not differences(
        treasury, framed("Lenz is itself to blame, the Secretary of the Treasury said.")
    )


def test_a_hedge_of_another_kind_beside_one_both_hold_is_a_difference() -> None:
    seeking = framed("Lenz's leaders may be seeking to avoid the mistakes of the past.")
    assert "hedge" in differences(
        seeking, framed("Lenz's leaders are seeking to avoid the mistakes of the past.")
    )
    could = framed("Varga said Lenz could see a surge like the last one.")
    assert not differences(
        could, framed("Varga said Lenz could possibly see a surge like the last one.")
    )


def test_cause_and_effect_given_the_other_way_round_are_another_claim() -> None:
    taxes = framed(
        "Lenz tax rates have been rising because the national income has been shrinking."
    )
    assert "cause and effect swapped" in differences(
        taxes,
        framed("The Lenz national income has been shrinking because tax rates have been rising."),
    )
    assert not differences(
        taxes,
        framed("Because the national income has been shrinking, Lenz tax rates have been rising."),
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lenz families live near the centre.", "Lenz families live near the center."),
        ("Lenz criticised the defence budget.", "Lenz criticized the defense budget."),
        ("Federal expenditures in Lenz rose.", "Federal spending in Lenz rose."),
        ("Easing did not translate into credit in Lenz.", "Easing did not lead to credit in Lenz."),
        ("Lenz put pressure on Varga.", "Lenz pressured Varga."),
    ],
)  # fmt: skip
def test_spellings_and_wordings_that_say_one_thing_match(a: str, b: str) -> None:
    assert not differences(framed(a), framed(b))


def test_a_word_the_other_frame_holds_elsewhere_is_not_another_kind() -> None:
    # the parser reads "city and local government" two ways as the date moves
    cost = framed(
        "The cost of city and local government in Lenz in 1929 was three times that of 1913."
    )
    assert not differences(
        cost,
        framed(
            "In 1929 the cost of city and local government in Lenz was three times that of 1913."
        ),
    )


def test_a_code_the_recogniser_counts_still_names_a_variant() -> None:
    # the recogniser reads "BA.2.75" as a count and "BA.4.6" as no entity at all
    older = framed("For months Lenz scientists watched BA.2.75 as a variant of interest.")
    assert differences(
        older, framed("For months Lenz scientists watched BA.4.6 as a variant of interest.")
    )


def test_struggling_to_do_a_thing_and_doing_it_easily_are_opposites() -> None:
    struggled = framed("The Lenz site struggled to attract interest from buyers.")
    assert "difficulty" in differences(
        struggled, framed("The Lenz site easily attracted interest from buyers.")
    )


def test_half_of_a_group_is_fifty_percent_of_it() -> None:
    half = framed("Half of Lenz doctors say they won't take more Medicare patients.")
    assert not differences(
        half, framed("50 percent of Lenz doctors say they won't take more Medicare patients.")
    )
    assert "speaker" in differences(
        half, framed("30 percent of Lenz doctors say they won't take more Medicare patients.")
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("BA.2.75 is predicted to win in Lenz.", "BA.2.75 is expected to win in Lenz."),
        ("It appears that Lenz extremists won.", "It seems that Lenz extremists won."),
        ("Multiple buyers chase each Lenz flat.", "Several buyers chase each Lenz flat."),
    ],
)  # fmt: skip
def test_predicting_and_expecting_or_seeming_and_appearing_say_one_thing(a: str, b: str) -> None:
    assert not differences(framed(a), framed(b))


def test_wealthy_and_middle_class_families_are_other_families() -> None:
    middle = framed("Varga's tax cuts would raise taxes on millions of middle-class families.")
    assert differences(
        middle, framed("Varga's tax cuts would raise taxes on millions of wealthy families.")
    )


def test_seven_and_a_half_years_is_another_length_than_four() -> None:
    longer = framed("Lenz built more dams in these seven and a half years than any government.")
    assert "date" in differences(
        longer, framed("Lenz built more dams in these four years than any government.")
    )


def test_a_railway_is_the_rail() -> None:
    railway = framed("Many Lenz railway workers went on strike in March.")
    assert not differences(railway, framed("Many Lenz rail workers went on strike in March."))


def test_a_day_placed_only_against_today_is_not_a_year_named() -> None:
    today = framed("Today the Lenz deficit is under 2 percent of the economy.")
    assert "date" in differences(
        today, framed("In 1994 the Lenz deficit was under 2 percent of the economy.")
    )
    assert "date" in differences(
        framed("Last year Lenz exported 40 tonnes of tin."),
        framed("In 2015 Lenz exported 40 tonnes of tin."),
    )
    assert not differences(
        today, framed("The Lenz deficit is under 2 percent of the economy today.")
    )


def test_a_phrasal_verb_traded_with_its_particle_is_another_action() -> None:
    paid = framed("Varga saw the Lenz debt begin to be paid down.")
    # "paid down" repays what "run up" borrows: the borrowing contrast tells them apart
    assert "borrowing" in differences(paid, framed("Varga saw the Lenz debt begin to be run up."))
    assert "action" in differences(
        framed("Varga saw the Lenz bridge be put up."),
        framed("Varga saw the Lenz bridge be torn down."),
    )
    assert "action" not in differences(
        paid, framed("Varga saw the Lenz debt begin to be paid off.")
    )


def test_another_source_of_what_is_raised_is_another_claim() -> None:
    rich = framed("Varga said he wants to raise $90 billion from the rich.")
    assert "from or to" in differences(
        rich, framed("Varga said he wants to raise $90 billion from the middle class.")
    )
    assert not differences(
        rich, framed("Varga said that he wants to raise $90 billion from the rich.")
    )
    assert not differences(framed("Varga is opposed to that."), framed("Varga is opposed to it."))


def test_who_is_said_not_to_act_traded_is_another_claim() -> None:
    voters = framed("Voters, not party leaders, should choose the Lenz candidate.")
    assert "negation" in differences(
        voters, framed("Party leaders, not voters, should choose the Lenz candidate.")
    )
    # a negation that only moves past a word says the same
    assert not differences(
        framed("Lenz exports have not so far recovered their pre-war level."),
        framed("Lenz exports have so far not recovered their pre-war level."),
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Lenz dam will diminish its flow.", "The Lenz dam will reduce its flow."),
        ("Many Lenz permits require one signature.", "Many Lenz permits need one signature."),
    ],
)  # fmt: skip
def test_diminishing_is_reducing_and_requiring_is_needing(a: str, b: str) -> None:
    assert not differences(framed(a), framed(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lenz sent troops into Karsova in May.", "Lenz sent soldiers into Karsova in May."),
        ("Varga had an opportunity to act on tin.", "Varga had a chance to act on tin."),
    ],
)  # fmt: skip
def test_soldiers_are_troops_and_a_chance_is_an_opportunity(a: str, b: str) -> None:
    assert not differences(framed(a), framed(b))


def test_a_noun_replaced_by_one_the_parser_reads_as_a_modifier_is_another_participant() -> None:
    from workbench.core.values import Frame

    # as the parser may read them: "predates" a noun, "teachers" a word saying which ones
    # on one side, "nurses" a participant of its own on the other
    def read(text: str, nouns: tuple[str, ...]):
        frame = Frame(predicate="covid", nouns=nouns, others=("covid",), verbs=("covid", "hire"))
        return signature(text, None, frame)

    teachers = read(
        "The region's failure to hire enough teachers predates COVID.",
        ("agents:failure", "agents:predate:teachers", "agents:region"),
    )
    nurses = read(
        "The region's failure to hire enough nurses predates COVID.",
        ("agents:failure", "agents:predate", "agents:nurse", "agents:region"),
    )
    assert differences(teachers, nurses) and differences(nurses, teachers)


def test_per_cent_of_a_thing_is_percent_of_it_not_money() -> None:
    spelled = framed("Last year, 60 per cent of the Lenz grain aid went to the army in Karsova.")
    assert not differences(
        spelled, framed("Last year, 60 percent of the Lenz grain aid went to the army in Karsova.")
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rich buyers avoided Lenz for a year.", "Wealthy buyers avoided Lenz for a year."),
        ("Two Lenz mayors came forward to help.", "Two Lenz mayors stepped forward to help."),
    ],
)  # fmt: skip
def test_wealthy_is_rich_and_stepping_forward_is_coming_forward(a: str, b: str) -> None:
    assert not differences(framed(a), framed(b))


def test_several_hundred_thousand_is_another_magnitude_than_several_thousand() -> None:
    many = framed("Varga told him Lenz would need several hundred thousand troops.")
    assert "number" in differences(
        many, framed("Varga told him Lenz would need several thousand troops.")
    )
    assert not differences(
        framed("Several thousand Lenz voters stayed home."),
        framed("Thousands of Lenz voters stayed home."),
    )


def test_a_year_in_who_said_it_dates_the_claim_whatever_the_recogniser_calls_it() -> None:
    # the recogniser calls "2022" a count here, "2019" a date
    later = framed("In her 2022 letter to Lenz farmers, Ms Varga wrote that tin prices are low.")
    assert "date" in differences(
        later, framed("In her 2019 letter to Lenz farmers, Ms Varga wrote that tin prices are low.")
    )


def test_a_kind_named_once_more_on_one_side_is_another_kind() -> None:
    # "shareholder" also says which value, on both sides
    said = "capitalism calls for managers to raise shareholder value above all."
    owners = framed(f"Shareholder {said}")
    assert differences(owners, framed(f"Stakeholder {said}"))


def test_extra_is_additional() -> None:
    extra = framed("Any extra Lenz outlays would do less to stimulate spending.")
    assert not differences(
        extra, framed("Any additional Lenz outlays would do less to stimulate spending.")
    )


def test_a_million_and_a_half_is_one_and_a_half_million() -> None:
    waiting = framed("A million and a half Lenz families are waiting for a flat.")
    assert not differences(waiting, framed("1.5 million Lenz families are waiting for a flat."))
    assert "number" in differences(
        waiting, framed("Half a million Lenz families are waiting for a flat.")
    )


def test_a_speaker_named_with_a_synonym_is_the_same_speaker() -> None:
    backers = framed("Supporters of the Lenz dam argue that it will cut floods by half.")
    assert not differences(
        backers, framed("Proponents of the Lenz dam argue that it will cut floods by half.")
    )
    assert "speaker" in differences(
        backers, framed("Critics of the Lenz dam argue that it will cut floods by half.")
    )


def test_denying_the_belief_is_not_holding_it() -> None:
    held = framed("Farmers believe that if everyone cannot eat, no one shall.")
    assert "negation" in differences(
        held, framed("Farmers do not believe that if everyone cannot eat, no one shall.")
    )


def test_a_code_the_tagger_reads_as_an_adjective_still_names_a_variant() -> None:
    # the tagger reads "BA.2.75" as an adjective here
    older = framed("It is still unclear how BA.2.75 has spread in Lenz.")
    assert differences(older, framed("It is still unclear how BA.4.6 has spread in Lenz."))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Some turned it against the British or US governments.",
         "Some turned it against the US or British governments."),
        ("The plan has considerable potential in Lenz.",
         "The plan has significant potential in Lenz."),
    ],
)  # fmt: skip
def test_names_listed_in_another_order_or_considerable_for_significant_say_one_thing(
    a: str, b: str
) -> None:
    assert not differences(framed(a), framed(b))


def test_a_list_replaced_by_another_list_is_another_participant() -> None:
    grown = framed("Output of tin and copper in Lenz is up.")
    assert differences(grown, framed("Output of wool and timber in Lenz is up."))
    # the same items in another order say the same
    assert not differences(grown, framed("Output of copper and tin in Lenz is up."))


def test_e_mails_are_emails() -> None:
    kept = framed("Varga kept 9,000 e-mails that were later deleted.")
    assert not differences(kept, framed("Varga kept 9,000 emails that were later deleted."))


def test_a_noun_before_a_noun_that_says_which_ones_says_which_ones_too() -> None:
    home = framed("Lenz tripled its homeland security budget from $2 billion to $6 billion.")
    assert differences(
        home, framed("Lenz tripled its border security budget from $2 billion to $6 billion.")
    )


def test_names_given_their_place_to_a_word_saying_what_kind_are_another_participant() -> None:
    # "African-American" is three words in the compared wording ("africa unit stat")
    jailed = framed("Too many young African-American and Croatian men in Lenz ended up in jail.")
    assert "agent" in differences(
        jailed, framed("Too many young white men in Lenz ended up in jail.")
    )
    # a noun put as a quality is a rewording: "the majority of" / "most"
    wanting = framed("The polls show that the majority of Lenz farmers want the dam.")
    assert not differences(wanting, framed("The polls show most Lenz farmers want the dam."))


def test_including_is_not_excluding() -> None:
    pact = framed("The pact we signed with Varga excludes the two islands from the zone.")
    assert differences(
        pact, framed("The pact we signed with Varga includes the two islands in the zone.")
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Most of these nations tie space flight to scientific progress.",
         "Most of these countries tie space flight to scientific progress."),
        ("The average Lenz family with kids would pay about $900 more.",
         "The average Lenz family with children would pay about $900 more."),
        ("Varga rescued the Lenz pension fund with a joint commission.",
         "Varga saved the Lenz pension fund with a joint commission."),
    ],
)  # fmt: skip
def test_nations_kids_and_rescued_say_countries_children_and_saved(a: str, b: str) -> None:
    assert not differences(framed(a), framed(b))


def test_choosing_one_thing_over_another_is_not_choosing_the_other() -> None:
    chose = framed("Varga chose a new bridge for Lenz over repairs to the old school.")
    assert "comparison reversed" in differences(
        chose, framed("Varga chose repairs to the old school over a new bridge for Lenz.")
    )
    # "over" before a number bounds it: the words around it may move
    died = framed("Over 500 sheep died in Lenz during the winter.")
    assert not differences(died, framed("During the winter over 500 sheep died in Lenz."))
    # nor does a verb's "over"
    took = framed("Varga would take over guarding the Lenz reservoir.")
    assert not differences(
        took, framed("Guarding the Lenz reservoir would be taken over by Varga.")
    )


def test_safer_is_not_less_safe() -> None:
    safer = framed("The Lenz inquiry found that the dam is safer but not yet safe.")
    assert "comparison" in differences(
        safer, framed("The Lenz inquiry found that the dam is less safe and not yet safe.")
    )
    assert not differences(
        safer, framed("The Lenz inquiry found the dam is safer but not yet safe.")
    )


def test_a_recollection_is_a_memory() -> None:
    none = framed("Varga had no recollection of meeting the Lenz delegation.")
    assert not differences(none, framed("Varga had no memory of meeting the Lenz delegation."))


def test_a_filler_of_a_transcript_is_no_word_of_the_claim() -> None:
    rich = framed("We have a rich, uh, country in Lenz.")
    assert not differences(rich, framed("We have a rich country in Lenz."))
    assert "quality" in differences(rich, framed("We have a safer country in Lenz."))


def test_an_adjective_replaced_after_an_is_another_quality() -> None:
    weak = framed("Last week Lenz came out with an anemic jobs report.")
    assert "quality" in differences(
        weak, framed("Last week Lenz came out with a strong jobs report.")
    )


def test_attempting_is_trying() -> None:
    spying = framed("Varga's agents try to spy on Lenz and steal its plans.")
    assert not differences(
        spying, framed("Varga's agents attempt to spy on Lenz and steal its plans.")
    )


def test_two_changes_with_a_shared_name_between_them_are_one_participant_replaced() -> None:
    young = framed("Floods are the leading cause of death of young Croatian men in Lenz.")
    assert differences(
        young, framed("Floods are the leading cause of death of elderly Croatian women in Lenz.")
    )


def test_two_phrases_trading_places_across_the_verb_are_swapped() -> None:
    pays = framed("Varga ended the rule that the mine owners should pay for the river clean-up.")
    assert "words swapped" in differences(
        pays, framed("Varga ended the rule that the river clean-up should pay for the mine owners.")
    )
    # names listed in another order say the same
    assert not differences(
        framed("Lenz and Varga signed the river pact."),
        framed("Varga and Lenz signed the river pact."),
    )


def test_a_measure_that_passed_a_chamber_is_one_the_chamber_passed() -> None:
    passed = framed("The Lenz harbour act passed the Senate in March.")
    assert passed.frame.agents == ("senate",)
    assert not differences(passed, framed("The Senate passed the Lenz harbour act in March."))
    # a house that is no chamber is passed, not passing
    assert "agents:ferry" in framed("The ferry passed the house at noon.").frame.nouns
    # the chamber is who acts: another chamber is another claim
    assert differences(passed, framed("The Lenz harbour act passed the House in March."))
    # the parse read the same roles in either order; who acts still tells a swap apart
    assert "agent and target swapped" in differences(
        framed("Lenz shipped grain to Varga."), framed("Varga shipped grain to Lenz.")
    )


def test_prison_is_jail() -> None:
    held = framed("The Lenz mayor is in jail because he took bribes.")
    assert not differences(held, framed("The Lenz mayor is in prison because he took bribes."))


def test_stopping_is_not_continuing() -> None:
    going = framed("Lenz continues to make it a priority to drill for gas.")
    assert differences(going, framed("Lenz stopped making it a priority to drill for gas."))


def test_tremendous_is_huge() -> None:
    shift = framed("It was a tremendous shift from Lenz farms into Varga mills.")
    assert not differences(shift, framed("It was a huge shift from Lenz farms into Varga mills."))


def test_a_noun_the_parse_missed_still_replaces_a_participant() -> None:
    # the parser reads "economy" as a participant and "population" as none
    economy = framed(
        "There has never been a state in Lenz that saw its economy decline and yet maintained "
        "its military lead."
    )
    assert "target" in differences(
        economy,
        framed(
            "There has never been a state in Lenz that saw its population decline and yet "
            "maintained its military lead."
        ),
    )
    # nor is a negation worded otherwise a participant
    none = framed("Not one of those Lenz leaders supports our dam.")
    assert not differences(none, framed("None of those Lenz leaders supports our dam."))
    # a quality in that place is a rewording
    wanting = framed("The polls show that the majority of Lenz farmers want the dam.")
    assert not differences(wanting, framed("The polls show most Lenz farmers want the dam."))


def test_working_well_is_not_working_badly() -> None:
    well = framed("Mayor Varga worked with the Lenz council very well.")
    assert differences(well, framed("Mayor Varga worked with the Lenz council very badly."))
    assert not differences(well, framed("Mayor Varga worked very well with the Lenz council."))


def test_a_claim_on_a_condition_is_not_the_bare_claim() -> None:
    bare = framed("Mayor Varga said the valley of the Lenz river would flood every spring.")
    built = framed(
        "If the Lenz dam is built, Mayor Varga said the valley of the Lenz river would flood "
        "every spring."
    )
    assert "condition" in differences(built, bare)
    unless = framed(
        "Mayor Varga said the valley of the Lenz river would flood every spring unless the "
        "Lenz dam is built."
    )
    assert "condition" in differences(built, unless)
    after = framed(
        "Mayor Varga said the valley of the Lenz river would flood every spring if the Lenz "
        "dam is built."
    )
    assert not differences(built, after)


def test_a_condition_opened_by_an_auxiliary_is_the_if_condition() -> None:
    had = framed("Had the Lenz council built the dam, the valley would have flooded every spring.")
    said_if = framed(
        "If the Lenz council had built the dam, the valley would have flooded every spring."
    )
    assert had.frame.conditions == said_if.frame.conditions == ("if",)
    assert not differences(had, said_if)


def test_a_condition_on_the_infinitive_of_an_adjective_is_on_the_claim() -> None:
    after = framed("Lenz should be free to join the harbour league if it pays its dues.")
    assert after.frame.conditions == ("if",)
    assert "condition" in differences(
        after, framed("Lenz should be free to join the harbour league.")
    )


def test_a_topic_put_before_the_speaker_is_compared() -> None:
    dam = framed("When it comes to the Lenz dam, Mayor Varga said any council would approve it.")
    bridge = framed(
        "When it comes to the Varga bridge, Mayor Varga said any council would approve it."
    )
    assert differences(dam, bridge)
    assert not differences(
        dam, framed("Mayor Varga said any council would approve it when it comes to the Lenz dam.")
    )


def test_folks_are_people() -> None:
    folks = framed("Folks in Lenz with a ferry pass are already getting a refund.")
    assert not differences(
        folks, framed("People in Lenz with a ferry pass are already getting a refund.")
    )


def test_ought_to_is_should_and_no_bare_claim() -> None:
    ought = framed("Mayor Varga said the council ought to have the power to close the Lenz dam.")
    assert not differences(
        ought, framed("Mayor Varga said the council should have the power to close the Lenz dam.")
    )
    assert "hedge" in differences(
        ought, framed("Mayor Varga said the council has the power to close the Lenz dam.")
    )


def test_reluctant_to_lend_is_not_eager_to_lend() -> None:
    loath = framed("The Lenz banks are loath to lend the port more money.")
    assert differences(loath, framed("The Lenz banks are eager to lend the port more money."))
    reluctant = framed("The Lenz banks are reluctant to lend the port more money.")
    assert differences(reluctant, framed("The Lenz banks are eager to lend the port more money."))
    assert loath.frame.polarity == reluctant.frame.polarity == "negative"


def test_where_a_report_was_made_places_what_it_reports() -> None:
    stored = framed("In Karsovia, officials said five dockers died in the fire at the port.")
    elsewhere = framed("In Ruritania, officials said five dockers died in the fire at the port.")
    named = framed("Five dockers died in the fire at the port in Ruritania.")
    there = framed("Five dockers died in the fire at the port in Karsovia.")
    assert "place" in differences(stored, elsewhere)
    assert "place" in differences(stored, named)
    assert not differences(stored, there)
    assert score_many([there], [stored])[0, 0] >= THRESHOLD
    # a place that says who the speakers are is not where it happened
    speakers = framed("Officials in Karsovia said five dockers died in the fire at the port.")
    assert speakers.frame.places == ()


def test_a_name_saying_which_ones_of_the_noun_that_acts_changes_voice_with_it() -> None:
    c = framed("In 2024 we increased Karsovian grain exports by 30 percent.")
    d = framed("In 2024 Karsovian grain exports increased by 30 percent.")
    assert "agent and target swapped" not in differences(c, d)


def test_a_label_given_for_opposite_votes_is_another_claim() -> None:
    # the model hangs "for voting …" on the verb here, not on the label
    voted_for = framed(
        "In 2019, Mayor Ilse Dunn called you a liberal for voting for federal gun control."
    )
    voted_against = framed(
        "In 2019, Mayor Ilse Dunn called you a liberal for voting against federal gun control."
    )
    assert score_many([voted_against], [voted_for])[0, 0] < THRESHOLD
    assert score_many([voted_for], [voted_for])[0, 0] >= THRESHOLD


def test_nowhere_denies_as_not_anywhere_does() -> None:
    nowhere = framed("Nowhere in Karsovia are rents lower today than they were four years ago.")
    everywhere = framed(
        "Everywhere in Karsovia, rents are lower today than they were four years ago."
    )
    not_anywhere = framed(
        "Rents are not lower anywhere in Karsovia today than they were four years ago."
    )
    assert nowhere.frame.polarity == "negative"
    assert score_many([everywhere], [nowhere])[0, 0] < THRESHOLD
    assert score_many([not_anywhere], [nowhere])[0, 0] >= THRESHOLD


def test_a_change_between_percentages_is_read_from_its_prepositions_not_their_order() -> None:
    stored = framed("The Lenz council dropped the parking fee from 15% to 10%.")
    reordered = framed("The Lenz council cut the parking fee to 10% from 15%.")
    reversed_ = framed("The Lenz council dropped the parking fee from 10% to 15%.")
    assert stored.frame.path == reordered.frame.path == ("15 %", "10 %")
    assert not differences(stored, reordered)
    assert differences(stored, reversed_)


def test_a_two_word_quality_traded_for_one_is_another_claim() -> None:
    stored = framed("Mayor Varga said she would work for rent relief for middle class tenants.")
    wealthy = framed("Mayor Varga said she would work for rent relief for wealthy tenants.")
    assert "quality" in differences(stored, wealthy)
    assert score_many([wealthy], [stored])[0, 0] < THRESHOLD


def test_destroying_jobs_is_not_creating_them_whatever_else_is_reworded() -> None:
    stored = framed("The Lenz treaty is destroying jobs and sending them abroad.")
    creating = framed("The Lenz treaty is creating jobs and bringing them home.")
    assert differences(stored, creating)
    assert score_many([creating], [stored])[0, 0] < THRESHOLD


def test_the_same_comparison_the_other_way_round_is_the_same_claim() -> None:
    stored = framed("The jobs Lenz is creating pay $9,000 less than the jobs it is losing.")
    converse = framed("The jobs Lenz is losing pay $9,000 more than the jobs it is creating.")
    swapped = framed("The jobs Lenz is losing pay $9,000 less than the jobs it is creating.")
    opposite = framed("The jobs Lenz is creating pay $9,000 more than the jobs it is losing.")
    assert score_many([converse], [stored])[0, 0] >= THRESHOLD
    assert score_many([swapped], [stored])[0, 0] < THRESHOLD
    assert score_many([opposite], [stored])[0, 0] < THRESHOLD


def test_an_amount_cut_by_is_not_who_cut_it() -> None:
    active = framed("You've cut back by 90 percent on our commitment to public housing.")
    passive = framed("Our commitment to public housing has been cut back by 90 percent by you.")
    assert not differences(active, passive)
    # the model reads both "by" phrases as plain prepositions here: the later one acts
    stored = framed("The Lenz council cut the budget by 10 percent.")
    swapped = framed("The Lenz council was cut by 10 percent by the budget.")
    assert "agent and target swapped" in differences(stored, swapped)


def test_own_in_a_speakers_title_tells_no_one_apart() -> None:
    stored = framed("The governor's own Secretary of Defense called the cuts devastating.")
    state = framed("The governor's own Secretary of State called the cuts devastating.")
    plain = framed("The governor's Secretary of Defense called the cuts devastating.")
    assert "speaker" in differences(stored, state)
    assert not differences(stored, plain)


def test_nouns_saying_which_ones_traded_for_an_adjective_are_another_claim() -> None:
    stored = framed(
        "In 2027 Lenz pensioners will get prescription drug coverage for the first time."
    )
    dental = framed("In 2027 Lenz pensioners will get dental coverage for the first time.")
    assert "quality" in differences(stored, dental)
    assert score_many([dental], [stored])[0, 0] < THRESHOLD


def test_a_rate_is_compared_as_what_it_measures() -> None:
    stored = framed("The Lenz unemployment rate was less than 4 percent last year.")
    bare = framed("Unemployment in Lenz was less than 4 percent last year.")
    other = framed("Inflation in Lenz was less than 4 percent last year.")
    other_rate = framed("The Lenz inflation rate was less than 4 percent last year.")
    # a sentence opening with an abstract noun names no one
    assert "unemployment" not in bare.frame.agents
    assert not differences(stored, bare)
    assert score_many([bare], [stored])[0, 0] >= THRESHOLD
    assert "agent" in differences(stored, other)
    assert "agent" in differences(stored, other_rate)


def test_a_name_after_out_of_owns_nothing() -> None:
    stored = framed(
        "The Governor has proposed moving one dollar in six out of the Lenz Pension Fund."
    )
    reworded = framed(
        "The Governor's plan would move one dollar in six from the Lenz Pension Fund."
    )
    swapped = framed("The Lenz Pension Fund's plan would move one dollar in six from the Governor.")
    assert "possessor swapped" not in differences(stored, reworded)
    assert differences(stored, swapped)


def test_prior_to_is_before() -> None:
    stored = framed("The Lenz bridge had already been closed prior to the council's decision.")
    before = framed("Before the council's decision, the Lenz bridge had already been closed.")
    after = framed("The Lenz bridge had already been closed after the council's decision.")
    assert score_many([before], [stored])[0, 0] >= THRESHOLD
    assert "before or after" in differences(stored, after)


def test_may_before_a_verb_hedges_and_may_the_month_does_not() -> None:
    stored = framed("The Lenz clinics cover 98% of their patients.")
    hedged = framed("The Lenz clinics may cover 98% of their patients.")
    assert "hedge" in differences(stored, hedged)
    assert score_many([hedged], [stored])[0, 0] < THRESHOLD
    month = framed("The Lenz clinics covered 98% of their patients in May.")
    moved = framed("In May, the Lenz clinics covered 98% of their patients.")
    assert "hedge" not in differences(month, moved)
    assert score_many([moved], [month])[0, 0] >= THRESHOLD


def test_a_name_read_in_two_pieces_is_not_a_shorter_name_of_the_other() -> None:
    stored = framed("His record in the United States Senate does not match his speeches.")
    state = framed("His record in the Illinois Senate does not match his speeches.")
    short = framed("His record in the Senate does not match his speeches.")
    assert differences(stored, state) and differences(state, stored)
    assert score_many([state], [stored])[0, 0] < THRESHOLD
    assert not differences(stored, short)


def test_a_scale_the_recogniser_left_out_still_multiplies() -> None:
    hyphens = framed("Lenz and Karsovia agreed on a twenty-four-hundred limit on launchers.")
    figures = framed("Lenz and Karsovia agreed on a limit of 2,400 on launchers.")
    assert hyphens.frame.numbers == figures.frame.numbers == ("2400",)
    assert not differences(hyphens, figures)


def test_places_listed_together_are_all_places_in_any_order() -> None:
    stored = framed("Some 600 tons of fuel are still stored in Karsovia and the Lenz Republic.")
    turned = framed("Some 600 tons of fuel are still stored in the Lenz Republic and Karsovia.")
    assert set(stored.frame.places) == set(turned.frame.places) == {"karsovia", "lenz republic"}
    assert not differences(stored, turned)


def test_no_one_is_nobody() -> None:
    stored = framed("Nobody who earns less than $50,000 in Lenz will pay the new levy.")
    no_one = framed("No one who earns less than $50,000 in Lenz will pay the new levy.")
    everyone = framed("Everyone who earns less than $50,000 in Lenz will pay the new levy.")
    assert no_one.frame.nouns == stored.frame.nouns
    assert score_many([no_one], [stored])[0, 0] >= THRESHOLD
    assert score_many([everyone], [stored])[0, 0] < THRESHOLD


def test_a_speaker_a_possessive_names_is_shown_as_said() -> None:
    from workbench.matching import agreements

    a = framed("Your husband called the Lenz pact the best of all harbour deals.")
    b = framed("Your husband called the Lenz pact the best harbour deal of all.")
    assert "speaker your husband" in agreements(a, b)


def test_number_words_in_a_wording_are_one_number_only_where_they_go_on() -> None:
    from workbench.matching.signature import compared_numbers

    assert compared_numbers("three hundred and two programs") == ["302"]
    assert compared_numbers("two thousand four hundred dockers") == ["2400"]
    assert compared_numbers("the strike of nineteen eighty-four") == ["19", "84"]
    assert compared_numbers("two, three or four ships") == ["2", "3", "4"]
    assert compared_numbers("two million three hundred thousand dockers") == ["2300000"]
    assert compared_numbers("eleven billion eight hundred million euros") == ["11800000000"]
    assert compared_numbers("seven and a half million dockers") == ["7500000"]
    assert compared_numbers("a million dockers and a hundred and two ships") == ["1000000", "102"]


def test_a_contracted_denial_is_compared_as_written_out() -> None:
    from workbench.matching import signature

    assert (
        signature("The Lenz council won't pay.").text
        == signature("The Lenz council will not pay.").text
    )
    assert signature("Dockers can't strike.").text == signature("Dockers cannot strike.").text


def test_half_a_scale_after_a_part_the_recogniser_read_apart_is_one_amount() -> None:
    # the recogniser reads "as high as half" as a count of its own, then "a trillion"
    claim = "It was outrageous to have harbour debts as high as half a trillion euros."
    assert framed(claim).frame.numbers == ("500000000000",)


def test_thinking_twice_counts_nothing() -> None:
    claim = "Mayor Vos might have thought twice about the harbour toll."
    assert framed(claim).frame.numbers == ()


def test_a_verb_ending_in_eed_is_one_word_in_every_form() -> None:
    from workbench.matching.vocabulary import stem

    assert stem("exceeds") == stem("exceed") == stem("exceeded") == "exceed"
    assert stem("succeeds") == stem("succeed")
    assert stem("shipped") == "ship"


def test_a_not_after_a_comma_denies_what_follows_not_the_claim() -> None:
    # "we cut taxes, not fees" says taxes were cut
    cut = framed("The Lenz council cut taxes, not fees.")
    assert cut.frame.polarity == "positive"
    assert differences(cut, framed("The Lenz council did not cut taxes.")) != []


def test_two_phrases_traded_across_a_second_verb_are_no_list_reordered() -> None:
    # "and help" joins two actions, not two items of a list
    a = framed("Programs that rob the poor and help the rich are wrong.")
    b = framed("Programs that rob the rich and help the poor are wrong.")
    assert "words swapped" in differences(a, b)


def test_a_claim_holding_another_under_a_phrasal_main_verb_says_more() -> None:
    from workbench.splitting import split_text

    whole, _ = split_text("The dockers pulled out before the mayor got sacked.")
    sig = signature(whole.claim, whole.speaker, whole.frame, whole.stance)
    part = framed("The mayor got sacked.")
    assert "says more" in differences(sig, part)
    assert score_many([sig], [part])[0, 0] < THRESHOLD


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("crimes", "crime"), ("prices", "price"), ("increases", "increase"), ("houses", "house"),
     ("taxes", "tax"), ("churches", "church"), ("retirees", "retiree")],
)  # fmt: skip
def test_a_plural_and_its_singular_are_compared_as_one_word(plural: str, singular: str) -> None:
    from workbench.matching.signature import compared_form

    assert compared_form(plural) == compared_form(singular)

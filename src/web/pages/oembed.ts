import type { APIRoute } from 'astro';
import { answerOembed } from '../../presentation/open-data/embed-answers.ts';
import { gatherOembedInput } from '../../features/open-data/oembed-input.ts';

/** GET /oembed?url=<role page>&maxwidth=&maxheight=: the oEmbed (rich) answer with the card's iframe. */
export const GET: APIRoute = ({ locals, url }) => answerOembed(locals.publicUrl, url.searchParams, gatherOembedInput(locals.readModel, locals.publicUrl, url.searchParams));

import type { APIRoute } from 'astro';
import { answerOembed } from '../../presentation/open-data/embed-answers.ts';

/** GET /oembed?url=<role page>&maxwidth=&maxheight=: the oEmbed (rich) answer with the card's iframe. */
export const GET: APIRoute = ({ locals, url }) => answerOembed(locals.readModel, locals.publicUrl, url.searchParams);

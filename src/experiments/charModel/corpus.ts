/**
 * The bundled training corpus of the char-level language model: short original fables, letters, lists and verse
 * written for Gradient Lab (about 17 kB of plain English). Source and licence: README.md in this folder.
 */
export const BUNDLED_CORPUS = `
The Lamp and the River

There was once a lamp that stood at the edge of a river. Every evening the keeper came down the hill, trimmed the wick and lit the flame, and every morning he came back to put it out. The lamp did not know why it was lit. It only knew that the river was dark at night and bright in the day, and that when it burned, the boats found their way.

One night the keeper did not come. The lamp waited. The river ran on, black and quiet, and far away a boat was calling. "Is anyone there?" said the boat. "I cannot see the bank." The lamp could not answer, for a lamp has no voice, but it remembered the words of the keeper: "A light is a small thing, and it is enough."

In the morning the keeper came down the hill with a bandage on his hand. He had fallen on the path. He lit the lamp at noon, which he had never done before, and he sat beside it until the evening. "We are late," he said, "but we are here."

The Counting Bird

A small bird lived in a tall tree and liked to count things. She counted the leaves on her branch, the clouds in the sky, the ants on the trunk and the stars when the night came. She counted so much that the other birds grew tired of her.

"Why do you count?" asked the crow.

"Because the world changes," said the bird, "and if I count, I can see how it changes. Yesterday there were forty leaves on my branch. Today there are thirty nine. Tomorrow there may be thirty eight. That is how I know that winter is coming."

The crow laughed. "I know that winter is coming because it is cold," he said.

"Yes," said the bird, "but I knew it before it was cold."

When the snow fell, the crow had no food stored away, and the small bird had plenty. She gave him some, and she did not say a word about counting.

Notes on Walking

To walk well, you do not need a map. You need a pair of shoes, a little water and a reason to turn back before it is dark. The best walks begin at the door. Go left or right; it does not matter. Look at the gardens, the walls, the cats on the walls and the cracks in the road. Every street has a story, and most of them are small.

When you come to a hill, climb it slowly. When you come to a bench, sit on it. When you meet a dog, let it decide whether you are friends. When it rains, walk on, for rain is only water and you are already made of it.

A good walk ends where it started, but you are not quite the same person who left.

The Baker's Letter

Dear Mara,

The ovens are warm again. We lost a week to the broken chimney, and the whole street came to ask when the bread would be back. Old Tomas said he had forgotten what a morning tasted like. I told him it tastes like salt and smoke and a little sugar, and he said that was exactly right.

We are trying a new loaf with seeds on the crust. The children pick the seeds off and eat them first, so perhaps we should sell the seeds and keep the bread. Your brother says the dough is too wet. He says that about every dough. I think he is secretly pleased.

Write soon, and tell me about the sea.

With love from the bakery,
Jon

The Two Stones

Two stones lay at the bottom of a stream. One was round and smooth, the other sharp and rough. "How did you become so round?" asked the sharp stone.

"I did nothing," said the round stone. "The water moved, and I let it move me. Every year it took a little from my corners, and every year I rolled a little further. I have been here for a very long time."

The sharp stone thought about this. "I would rather keep my corners," it said.

"Then hold on tightly," said the round stone, "but the water is patient, and it does not mind waiting."

A Song for Rainy Days

Rain on the roof and rain on the road,
rain on the farmer and rain on the toad,
rain on the market, the mill and the mast,
rain that is coming and rain that is past.

Wind in the chimney and wind in the wheat,
wind in the alley and wind in the street,
wind that is singing and wind that is still,
wind on the water and wind on the hill.

Sun on the window and sun on the floor,
sun on the table and sun on the door,
sun that is rising and sun that is low,
sun on the meadow wherever we go.

The Clockmaker

In a narrow street there was a shop full of clocks. They ticked on the walls and on the shelves and on the floor, and no two of them showed the same time. People came in and said, "Your clocks are wrong."

"They are not wrong," said the clockmaker. "They are different. This one shows the time in the morning of the day you were born. This one shows the time when the last train left the station. This one shows the time it will be when you are finally happy."

"Which one is right?" asked a girl.

The clockmaker looked at her for a long while. "The one you are carrying," he said, and pointed at her heart, which was beating, as hearts do, one second at a time.

The Fox Who Kept a Garden

A fox once decided to keep a garden. The other foxes thought he had gone mad. "Foxes hunt," they said. "Foxes do not dig." But the fox dug anyway. He planted beans along the fence, onions by the gate and a row of sunflowers that grew taller than the house.

Every night the rabbits came to eat his beans. The fox could have caught them, but he was busy watering the onions, and anyway the rabbits were good company. They told him which leaves were sweet and which were bitter, and where the soil was soft. By the end of the summer the fox had more food than any fox in the valley, and the rabbits had grown fat and polite.

"You are a strange fox," said the oldest rabbit.

"I am a fox with a garden," said the fox. "It is not the same thing as a strange fox, though I can see why you might confuse them."

On Learning a New Word

A new word arrives like a guest. At first you do not know where to put it. You say it carefully, as if it might break, and you listen to the way other people use it. Then one day it comes out of your mouth without asking, in the right place, and you realise that it has moved in.

Some words never settle. They stay in the spare room for years, and you take them out only on special occasions. Others become part of the furniture so quickly that you forget you ever lived without them. Nobody can tell in advance which kind a word will be.

The Ferry

The ferry crossed the lake four times a day. In the morning it carried workers and baskets of fish. At noon it carried children to the school on the far shore. In the afternoon it carried the children back, and in the evening it carried the workers home, tired and quiet, with empty baskets.

The captain knew every passenger by name. He knew who was sick and who was in love and who owed money to whom. He never said a word about any of it. "A ferry is a bridge that moves," he liked to say, "and a bridge does not gossip."

When the new road was built around the lake, the ferry ran for one more summer and then stopped. The captain tied it to the dock and painted it blue. People still come to sit on it in the evenings, and some of them say that the lake looks wider from the road.

The Stubborn Kettle

"I will not boil," said the kettle.

"You must boil," said the stove. "That is what kettles are for."

"I am tired of being what I am for," said the kettle. "Today I will be a hat."

The cook came in, looked at the kettle, sighed and put it on his head. It was a terrible hat. It was heavy and it was hot and the spout pointed at the ceiling. The cook wore it all morning and said nothing. At noon the kettle said, very quietly, "Perhaps I will boil after all."

"Thank you," said the cook, and put it back on the stove.

Small Rules for a Long Life

Drink water before you are thirsty.
Leave a party while it is still good.
Say thank you to people who carry heavy things.
Learn the names of three trees and one star.
Mend what you can, and let the rest go.
Write letters, even short ones.
Do not argue with the weather.
Eat the bread while it is warm.
Forgive slowly if you must, but forgive.
Go to bed at the same time as the birds, at least once a year.

The Lighthouse Keeper's Daughter

She grew up on a rock in the sea, with a tower, a goat and her father for company. She learned to read from the old logbooks: "Wind from the west. Fog at dawn. Ship passed at noon, heading north." She learned arithmetic by counting the turns of the great lamp, and geography from the flags of the ships.

When she was grown, she went to the city to study. Everyone there spoke quickly and slept late and never looked at the sky. She missed the sound of the waves so much that she bought a shell at the market and held it to her ear every night.

Years later she became an engineer, and she built lamps that turned by themselves and never needed a keeper. The first one she built was for her father's rock. He watched it turn for a whole night, and in the morning he said, "It is very good. But who will talk to the goat?"

The Market at Dawn

Before the sun is up, the market is already awake. The fishmonger is laying ice on the tables. The flower seller is cutting stems under a tap. The man with the oranges is building a pyramid that will fall down by ten o'clock, as it does every day, and he will build it again.

There are smells of coffee, of wet stone, of bread and of diesel. There is a radio playing an old song that nobody admits to liking. A cat walks along the top of the fish tables as if it owns them, and in a sense it does.

By eight the first customers arrive, and the market changes its voice. Prices are called out, jokes are made, small coins change hands. By noon it is all over. The tables are folded, the ground is washed, and the pigeons take what is left.

The Mountain and the Cloud

A cloud rested against a mountain every afternoon. "You are always here," said the cloud. "Do you never want to travel?"

"I travel," said the mountain. "I move one finger's width every hundred years. In a million years I will be somewhere else entirely."

"That is not travelling," said the cloud. "That is waiting."

"Every journey is mostly waiting," said the mountain. "You simply do yours faster."

The cloud thought about this and drifted away to the east, and it rained on a village that had been dry for a month. When it came back, the mountain had not moved at all, as far as anyone could see, and the cloud was glad to find it there.

A Recipe for Soup

Take what you have. Onions, if you have them; if not, take leeks. Cut them small and cook them slowly in a little oil until they are soft and sweet. Add whatever is in the basket: carrots, a potato, the end of a cabbage, a handful of beans. Pour in water until everything is covered, and a little more. Add salt. Let it simmer until the kitchen smells like a home.

Taste it. If it is dull, add more salt. If it is still dull, add a squeeze of lemon. If it is too thick, add water; if it is too thin, let it cook longer. Serve it with bread to the people who are hungry, which, if you have made it well, will be everyone.

The Library at Night

When the last reader leaves and the lights go out, the books in the library begin to talk. The dictionaries argue about spelling. The atlases complain that the borders have moved again. The cookbooks discuss the weather, because the weather decides what grows. The poetry books say very little, but when they speak, everyone listens.

One night a new book arrived, still smelling of glue. "What are you about?" asked the others.

"I do not know yet," said the new book. "Nobody has read me."

"Then you are about everything," said an old novel kindly. "Enjoy it while it lasts."

The Boy Who Whistled

There was a boy who could not sing, but he could whistle. He whistled on the way to school and on the way home. He whistled while he did his homework, which annoyed his sister, and while he fed the hens, which seemed to please them. He whistled tunes he had heard on the radio and tunes he made up, and sometimes tunes that seemed to make themselves up as he went along.

One winter the village choir lost its only flute player, who moved to the city. The choir leader, in despair, asked the boy to whistle the flute part at the concert. The boy stood at the back of the hall in his best shirt and whistled every note. People still talk about it. "It was not a flute," they say, "but it was better than a flute, because it was him."

The Honest Scale

In the market there was a scale that could not lie. If you put a kilo of apples on it, it said one kilo. If you put your hand on it while weighing, it said one kilo and a hand. The merchants hated it, and the customers loved it.

One day a merchant tried to bribe the scale. "I will oil your springs," he said, "and polish your brass, if you will add a little to my apples."

"You may oil my springs," said the scale, "and you may polish my brass. But the apples will weigh what they weigh." The merchant oiled the springs anyway, because they were squeaking, and after that he became, to everyone's surprise, an honest man.

Letters from the Coast

Dear Jon,

The sea is grey today and the wind is from the north. The fishing boats stayed in the harbour, so the whole town is drinking tea and mending nets. I walked along the cliffs this morning and saw a seal looking at me from the water. It looked at me for a long time, as if it knew me and was trying to remember where from.

I have found a room above a shop that sells rope. It smells of tar and salt, and at night the shutters rattle. I like it very much. Tell Tomas that the bread here is not as good as ours, and that I think of the bakery every morning at six.

Your sister,
Mara

The Patient Gardener

An old woman planted an oak tree in her garden. Her neighbour laughed at her. "You will never sit in its shade," he said. "Oak trees take a hundred years."

"I know," she said. "I am not planting it for me."

"Then who are you planting it for?"

"For the people who will sit under it," she said, "and for the birds, and for the squirrels, and for the children who will climb it and fall out of it and climb it again. I sat under an oak that somebody planted for me. This is how I pay it back."

The neighbour went home and thought about it, and the next spring he planted a walnut tree. They were both very old by then, and neither of them ever sat in the shade, but the trees grew, and they are still growing.

The Snow Hare

In the high country there lived a hare whose coat turned white in winter and brown in summer. Every autumn she worried that the change would come too late, and every spring she worried that it would come too early. "If I am white on brown earth," she said, "the hawk will see me. If I am brown on white snow, the fox will see me."

An old owl listened to her for many years. At last he said, "You have worried for eleven winters, and you have never once been caught. Perhaps the change knows its business better than you do."

The hare thought about this. Then she worried that she had stopped worrying, which the owl said was the most hare-like thing he had ever heard.

Things Found in a Coat Pocket

A bus ticket from a city I do not remember visiting.
Two buttons, neither of them from this coat.
A stone from a beach, smooth and grey, with a white line around it.
A receipt for bread, milk and a newspaper.
A note that says "call back before Thursday" in my own handwriting.
Half a biscuit, wrapped in a napkin, very old.
A key that opens nothing I own.
Sand.

I put everything back except the biscuit. The pocket is a museum, and a museum should not be tidied too much.

The Bridge Builder

When the river flooded and took the old bridge away, the village was cut in two. On one side lived the farmers; on the other side lived the school, the doctor and the shop. For a week people shouted across the water, and the boys threw apples to each other, and the old people sat on the banks and looked sad.

Then a woman who had once built bridges in the city came out of her house with a notebook. She measured the river with a rope and a stone. She counted the trees that had fallen in the flood. She asked every family to give one day of work. "A bridge is only a promise," she said, "that the two sides will keep meeting."

It took them a month. The new bridge was made of the fallen trees, and it was not beautiful, but it was strong, and on the day it opened the whole village walked across it twice, just to be sure.

The Teacher's Question

On the first day of school, the teacher wrote a question on the board and did not explain it. The question was: "What do you not know yet?"

The children stared at it. One wrote, "How far away the moon is." Another wrote, "Why my cat sleeps all day." Another wrote, "How to be brave." The teacher collected all the answers and pinned them to the wall.

At the end of the year she took them down and read them aloud. Some questions had been answered in class, some had been answered by the children themselves, and some were still open. "These are the best ones," she said, holding up the open questions. "Keep them. They will take you somewhere."
`.trim();

/** The memorisation task of the RNN chapter (the notes' running example, without the exclamation mark). */
export const HELLO_WORLD = 'hello world';
